// libFuzzer target: the assessment loader, the parser every saved or handed-over assessment goes
// through (syntax check, decode, checks against the Durham catalogue). Built by Scripts/fuzz
// together with the StaircaseCore sources as one module.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let catalogue = FuzzFixture.catalogue
    guard let assessment = try? AssessmentLoader.decode(data: bytes, file: "fuzz") else { return 0 }
    _ = try? AssessmentLoader.check(assessment, against: catalogue, file: "fuzz")
    return 0
}
