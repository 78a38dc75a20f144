// libFuzzer target: reading a participant's response file against the built-in pack, as the
// facilitator's report does for every file on a shared folder or USB stick. Built by
// Scripts/fuzz together with the StaircaseCore sources as one module.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let catalogue = FuzzFixture.catalogue
    let pack = FuzzFixture.pack
    _ = TrainingResponse.read(bytes, pack: pack, catalogue: catalogue)
    return 0
}
