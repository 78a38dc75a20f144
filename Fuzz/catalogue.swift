// libFuzzer target: the JSON syntax checker and the catalogue loader (decode + validate), the
// parsers a catalogue file from another authority goes through. Built by Scripts/fuzz together
// with the StaircaseCore sources as one module.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    _ = JSONSyntax.firstError(in: bytes)
    if let catalogue = try? CatalogueLoader.load(data: bytes, file: "fuzz") {
        _ = CatalogueText.summary(catalogue)
    }
    return 0
}
