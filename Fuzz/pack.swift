// libFuzzer target: the training-pack loader (syntax check, decode, validation against the
// Durham catalogue), which reads packs a facilitator is handed. Built by Scripts/fuzz together
// with the StaircaseCore sources as one module.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let catalogue = FuzzFixture.catalogue
    _ = try? TrainingPackLoader.load(data: bytes, file: "fuzz", catalogue: catalogue)
    return 0
}
