// Shared by every fuzz target (Scripts/fuzz compiles this file into each): the Durham catalogue
// and training pack, loaded once per process. `LLVMFuzzerInitialize` stops the run before any
// input if either is missing, because a target that returns early on every input still reports
// millions of executions and no crash: it did, for every target that needs the catalogue, after
// the embedded JSON copy went and the build's stub had no catalogue to give.
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

enum FuzzFixture {
    static let catalogue: Catalogue = {
        guard let c = try? EmbeddedCatalogue.load() else { stop("no Durham catalogue in this fuzz build (see Scripts/fuzz)") }
        return c
    }()
    static let pack: TrainingPack = {
        guard let p = try? EmbeddedTrainingPack.load(catalogue: catalogue) else { stop("the built-in training pack does not load") }
        return p
    }()

    static func stop(_ why: String) -> Never {
        fputs("fuzz target set-up failed: \(why)\n", stderr)
        exit(2)
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> CInt {
    _ = FuzzFixture.catalogue
    _ = FuzzFixture.pack
    return 0
}
