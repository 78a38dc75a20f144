import Foundation
import Testing

/// Runs Debian's `age` and `age-keygen` for the interoperability tests, in a private folder.
///
/// `age` reads passphrases from the terminal only, so those runs go through `script(1)`, which
/// gives `age` a pseudo-terminal and types the passphrase on it.
final class AgeTool {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "staircase-age-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The path of `name` in a PATH folder, or nil: `.ci/run` installs the `age` package when it is missing.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":") + ["/usr/bin"]).map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static var installed: Bool { find("age") != nil && find("age-keygen") != nil && find("script") != nil }

    func path(_ name: String) -> String { folder + "/" + name }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
    }

    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path(name)))) }

    /// Runs `tool` with `arguments`; returns stdout, or throws with stderr when it fails.
    @discardableResult
    func run(_ tool: String, _ arguments: [String], input: [UInt8] = []) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.find(tool), "\(tool) is not installed: apt-get install -y age"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: Data(input))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(
                message: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): "
                    + String(decoding: out + err, as: UTF8.self))
        }
        return Array(out)
    }

    /// Runs `age arguments…` on a pseudo-terminal, typing each of `passphrases` at its prompts.
    func runOnTerminal(_ arguments: [String], passphrases: [String]) throws {
        let age = try #require(Self.find("age"))
        let command = ([age] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let typed = passphrases.map { $0 + "\n" }.joined()
        try run("script", ["-q", "-e", "-c", command, "/dev/null"], input: Array(typed.utf8))
    }

    struct ToolFailure: Error, CustomStringConvertible { let message: String; var description: String { message } }
}
