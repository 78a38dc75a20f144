// libFuzzer target: what `score` and `export` do with an assessment the loader accepts: the
// loader, then the proposal text and every export format. Slower per input than `assessment`.
// Built by Scripts/fuzz together with the StaircaseCore sources as one module.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

let fuzzEngine = ScoringEngine(catalogue: FuzzFixture.catalogue)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let catalogue = FuzzFixture.catalogue
    let engine = fuzzEngine
    guard
        let assessment = try? AssessmentLoader.decode(data: bytes, file: "fuzz")
    else { return 0 }
    guard (try? AssessmentLoader.check(assessment, against: catalogue, file: "fuzz")) != nil else { return 0 }
    _ = ProposalText.render(engine.propose(assessment), catalogue: catalogue, width: 80)
    for format in ExportFormat.allCases {
        _ = ReferralExporter.render(format: format, catalogue: catalogue, assessment: assessment, redact: format == .text)
    }
    return 0
}
