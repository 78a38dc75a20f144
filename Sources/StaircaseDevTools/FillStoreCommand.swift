import ArgumentParser
import StaircaseAge
import StaircaseCore
import StaircaseStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `staircase-dev fill-store`: a new encrypted store of N saved assessments for
/// `Scripts/bench-store`, made in process (10,000 in seconds, where saving each through the
/// wizard's durable path would take minutes of fsyncs). The identity is made with the store's own
/// `StoreKeyring` at the real scrypt work factor; each file is the example with its own id, time and
/// child key (five assessments a child), sealed with `AgeFile` to the store's key as a save seals
/// it. No list index is written: the benchmark's first list builds it.
struct FillStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill-store", abstract: "Make a new encrypted store of saved assessments for a benchmark.")

    @Option(help: "The new store's folder (must not hold a store yet).")
    var store: String
    @Option(help: "How many saved assessments.")
    var count: Int
    @Option(help: "The store's passphrase (a benchmark's, never a real one).")
    var passphrase: String
    @Option(help: "The assessment every file copies.")
    var example = "Data/examples/level3-several-areas.json"
    @Option(help: "The scrypt work factor of the store identity (the store's own is 18).")
    var workFactor = ScryptRecipient.defaultWorkFactor

    func run() throws {
        guard let data = FileManager.default.contents(atPath: example) else { throw DevToolError("\(example): cannot read it") }
        let base: Assessment
        do {
            base = try AssessmentLoader.decode(data: data, file: example)
        } catch {
            throw DevToolError(String(describing: error))
        }
        let identity: StoreIdentity
        do {
            identity = try StoreKeyring(store: SessionStore(directory: store)).create(passphrase: passphrase, workFactor: workFactor)
        } catch {
            throw DevToolError(error.description)
        }
        let recipients: [any AgeRecipient] = [identity.recipient]
        let encoder = JSONEncoder.stable
        let started = ContinuousClock.now
        for i in 0..<count {
            var a = base
            a.id = Self.id(i)
            a.childKey = "c-bench\(i / 5)"
            a.updatedAt = "2026-11-\(Self.two(1 + i % 28))T10:\(Self.two(i % 60)):00Z"
            let sealed = try AgeFile.encrypt(Array(try encoder.encode(a)) + [0x0A], to: recipients)
            try Self.write(sealed, to: store + "/" + a.id + ".json")
        }
        print("\(count) sealed assessments in \(store) (\((ContinuousClock.now - started).seconds) s)")
    }

    /// "b00042": ids in file-name order.
    static func id(_ i: Int) -> String { "b" + String(repeating: "0", count: max(0, 5 - String(i).count)) + String(i) }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// A new private file, as the store's are (0600, not there before); not flushed: a benchmark's.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DevToolError("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw DevToolError("\(path): short write")
        }
    }
}
