// libFuzzer target: the assessment loader (syntax check, decode, check against the catalogue),
// then, for what it accepts, everything `score` and `export` do with it. Built by Scripts/fuzz
// together with the StaircaseCore sources as one module.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

nonisolated(unsafe) let fuzzCatalogue = try? EmbeddedCatalogue.load()
nonisolated(unsafe) let fuzzEngine = fuzzCatalogue.map { ScoringEngine(catalogue: $0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let catalogue = fuzzCatalogue, let engine = fuzzEngine,
        let assessment = try? AssessmentLoader.decode(data: bytes, file: "fuzz")
    else { return 0 }
    guard (try? AssessmentLoader.check(assessment, against: catalogue, file: "fuzz")) != nil else { return 0 }
    _ = ProposalText.render(engine.propose(assessment), catalogue: catalogue, width: 80)
    for format in ExportFormat.allCases {
        _ = ReferralExporter.render(format: format, catalogue: catalogue, assessment: assessment, redact: format == .text)
    }
    return 0
}
