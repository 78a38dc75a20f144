// libFuzzer target: the whole `staircase compare OLD NEW` after its files are read: the input is
// split at "\n--\n" into the two assessments, each decoded and checked against the Durham
// catalogue, compared row by row, and the comparison rendered in every format.
// Built by Scripts/fuzz with the StaircaseCore sources.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let catalogue = FuzzFixture.catalogue
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var cut = size
    for i in 0..<max(0, size - 3) where bytes[i] == 0x0A && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x2D && bytes[i + 3] == 0x0A {
        cut = i
        break
    }
    let first = Data(bytes[0..<cut])
    let second = cut < size ? Data(bytes[(cut + 4)...]) : first
    guard let old = try? AssessmentLoader.decode(data: first, file: "old"),
        let new = try? AssessmentLoader.decode(data: second, file: "new"),
        (try? AssessmentLoader.check(old, against: catalogue, file: "old")) != nil,
        (try? AssessmentLoader.check(new, against: catalogue, file: "new")) != nil,
        let comparison = try? AssessmentComparison.build(old: old, oldCatalogue: catalogue, new: new, newCatalogue: catalogue)
    else { return 0 }
    for format in ExportFormat.allCases { _ = ComparisonExporter.render(format: format, comparison: comparison) }
    return 0
}
