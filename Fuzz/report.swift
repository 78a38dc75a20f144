// libFuzzer target: the whole `staircase training report` command after its files are read: the
// input is split into response files at each "\n--\n", and every one is read, the report built
// from all of them (the agreement statistics, the times, the per-case tables) and rendered in
// one of the formats (the input's length picks which). Issue 19: fuzzing the parser alone missed
// a report that trapped on one file's "secondsTaken": 9223372036854775807. Built by Scripts/fuzz with the StaircaseCore sources.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let catalogue = FuzzFixture.catalogue
    // Three inputs in four use the pack's first two cases: the report's cost is rendering every
    // case of the pack, not reading the files, and responses to the other cases then exercise
    // the refusals. The fourth uses the whole pack.
    var pack = FuzzFixture.pack
    if size % 4 != 0 { pack.cases = Array(pack.cases.prefix(2)) }
    let files = FuzzSplit.files(UnsafeBufferPointer(start: data, count: size))
    let inputs = files.enumerated().map { TrainingReport.Input(name: "r\($0.offset).json", data: $0.element) }
    // Named or lettered by the input's length, so both ways are fuzzed at one build per input.
    let report = TrainingReport.build(pack: pack, catalogue: catalogue, inputs: inputs, named: size % 2 == 1)
    // One format per input, as the command renders one per run (`--format`); the length picks
    // it, so every format is fuzzed and an execution costs a quarter of rendering all four.
    let formats = TrainingReportFormat.allCases
    _ = formats[formats.index(formats.startIndex, offsetBy: (size / 4) % formats.count)].render(report)
    return 0
}

/// Several files in one input: split at "\n--\n", at most eight.
enum FuzzSplit {
    static func files(_ bytes: UnsafeBufferPointer<UInt8>) -> [Data] {
        let separator: [UInt8] = [0x0A, 0x2D, 0x2D, 0x0A]
        var files: [Data] = []
        var start = 0
        var i = 0
        while i + separator.count <= bytes.count && files.count < 7 {
            if bytes[i] == separator[0] && Array(bytes[i..<i + separator.count]) == separator {
                files.append(Data(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        files.append(Data(bytes[start...]))
        return files
    }
}
