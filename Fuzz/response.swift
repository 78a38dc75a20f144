// libFuzzer target: reading a participant's response file against the built-in pack, as the
// facilitator's report does for every file on a shared folder or USB stick. Built by
// Scripts/fuzz together with the StaircaseCore sources as one module.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

let fuzzCatalogue = try? EmbeddedCatalogue.load()
let fuzzPack = fuzzCatalogue.flatMap { try? EmbeddedTrainingPack.load(catalogue: $0) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let catalogue = fuzzCatalogue, let pack = fuzzPack else { return 0 }
    _ = TrainingResponse.read(bytes, pack: pack, catalogue: catalogue)
    return 0
}
