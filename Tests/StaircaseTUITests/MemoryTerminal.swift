import StaircaseCore

@testable import StaircaseTUI

/// An in-memory terminal (after ratatui's `TestBackend`): a script of keys in, every drawn
/// frame out. The run loop stops when the script is used up.
struct MemoryTerminal: TerminalBackend {
    var size: (width: Int, height: Int)
    var keys: [Key]
    var frames: [ScreenBuffer] = []
    var signal: Int32 = 0
    /// The terminal goes away once the keys are used up (end of input, no signal).
    var endsInput = false

    init(width: Int = 80, height: Int = 24, keys: [Key]) {
        size = (width, height)
        self.keys = keys
    }

    mutating func draw(_ buffer: ScreenBuffer, full: Bool) { frames.append(buffer) }
    mutating func readKey() -> Key? { keys.isEmpty ? nil : keys.removeFirst() }
    func takeSignal() -> Int32 { keys.isEmpty ? signal : 0 }
    var isExhausted: Bool { keys.isEmpty && signal == 0 && !endsInput }
    var hungUp: Bool { endsInput && keys.isEmpty }

    var screen: String { frames.last?.text ?? "" }
}

/// A host that keeps files in memory and records every call, so tests can see each effect's result.
final class FakeHost {
    var files: [String: Assessment] = [:]
    var written: [String: String] = [:]
    var extraListed: [ResumeItem] = []
    var saveError: HostError?
    var listError: HostError?
    var calls: [String] = []
    var ids = 0

    var host: WizardHost {
        WizardHost(
            save: { [self] a in
                calls.append("save \(a.id)")
                if let saveError { return .failure(saveError) }
                files[a.id] = a
                return .success(())
            },
            load: { [self] id in
                calls.append("load \(id)")
                return files[id].map { .success($0) } ?? .failure(.notFound("no saved assessment \(id)"))
            },
            list: { [self] in
                calls.append("list")
                if let listError { return .failure(listError) }
                return .success(files.keys.sorted().map { ResumeItem(id: $0, label: $0) } + extraListed)
            },
            export: { [self] format, path, a, replace in
                calls.append("export \(path)\(replace ? " replace" : "")")
                if written[path] != nil && !replace { return .failure(.exists(path: path)) }
                written[path] = format.rawValue
                return .success(path)
            },
            now: { "2026-11-23T10:00:00Z" },
            newID: { [self] in
                ids += 1
                return "a-test\(ids)"
            })
    }
}
