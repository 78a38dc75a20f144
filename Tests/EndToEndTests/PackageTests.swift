import Foundation
import Testing

/// `Scripts/package` end to end: the .deb it builds installs into a throwaway dpkg root, and the
/// installed binary, man page, completions and documentation are what IT was promised.
///
/// The release build is the slow part (about 2 minutes on two cores). The script caches its
/// output under .build-package/ keyed on the git tree, so it runs once per change of the
/// sources, and once per clean CI run; it runs at low priority so the terminal tests beside it
/// keep their timing.
@Suite(.serialized, .timeLimit(.minutes(15)))
struct PackageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized.path

    /// The .deb's path, or why the script failed, computed once for the whole suite.
    static let package: Result<String, PackageFailure> = {
        let (status, output) = Tmux.spawn(["nice", "-n", "10", repository + "/Scripts/package"])
        let last = output.split(separator: "\n").last.map(String.init) ?? ""
        guard status == 0, last.hasSuffix(".deb") else {
            return .failure(PackageFailure(message: "Scripts/package exited \(status):\n\(output.suffix(4000))"))
        }
        return .success(last)
    }()

    struct PackageFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// The version in the Swift source, the one place it is written.
    static var sourceVersion: String {
        get throws {
            let text = try String(contentsOfFile: repository + "/Sources/staircase/StaircaseVersion.swift", encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.contains("static let current") })
            return String(try #require(line.split(separator: "\"").dropFirst().first))
        }
    }

    /// Runs a shell command line, returning status and combined output.
    static func sh(_ command: String) -> (status: Int32, output: String) {
        Tmux.spawn(["sh", "-c", command])
    }

    static func field(_ name: String, of deb: String) -> String {
        sh("dpkg-deb -f '\(deb)' \(name)").output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Installs the .deb into a throwaway dpkg root and returns the root.
    static func install(_ deb: String) throws -> String {
        let root = NSTemporaryDirectory() + "staircase-dpkg-root-\(UUID().uuidString.prefix(8))"
        for dir in ["var/lib/dpkg/info", "var/lib/dpkg/updates"] {
            try FileManager.default.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        // The throwaway root knows only the packages the .deb depends on, as this machine has
        // them: dpkg then checks the Depends line against real package names and versions.
        let depends = Self.field("Depends", of: deb)
        let names = depends.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(names.contains("libc6"), "Depends: \(depends)")
        var status = ""
        for name in names {
            let stanza = Self.sh("dpkg-query -s \(name)")
            try #require(stanza.status == 0, "this machine lacks \(name): \(stanza.output)")
            status += stanza.output.trimmingCharacters(in: .whitespacesAndNewlines) + "\n\n"
        }
        try status.write(toFile: root + "/var/lib/dpkg/status", atomically: true, encoding: .utf8)

        // --path-include undoes the path-exclude lines of slim container images, which drop
        // /usr/share/man and /usr/share/doc.
        let install = Tmux.spawn([
            "dpkg", "--root=\(root)", "--force-not-root", "--force-script-chrootless", "--log=/dev/null", "--path-include=*",
            "-i", deb,
        ])
        try #require(install.0 == 0, "dpkg -i failed: \(install.1)")
        return root
    }

    @Test func installsIntoAThrowawayRootWhereVersionManPageAndCompletionsWork() throws {
        let deb = try Self.package.get()
        let root = try Self.install(deb)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(Self.sh("dpkg --root='\(root)' -s staircase").output.contains("Status: install ok installed"))

        // One version everywhere: the source, the installed binary, the package.
        let version = try Self.sourceVersion
        let installed = Tmux.spawn([root + "/usr/bin/staircase", "--version"])
        #expect(installed.0 == 0)
        #expect(installed.1.trimmingCharacters(in: .whitespacesAndNewlines) == version)
        #expect(Self.field("Version", of: deb).hasPrefix(version + "-"))
        #expect(deb.hasSuffix("staircase_\(Self.field("Version", of: deb))_amd64.deb"))

        // The man page formats without a troff warning and documents the commands.
        let page = root + "/usr/share/man/man1/staircase.1.gz"
        let man = Self.sh("MANWIDTH=80 man --warnings -l '\(page)' 2>/dev/null")
        #expect(man.status == 0)
        for heading in [
            "NAME", "SYNOPSIS", "DESCRIPTION", "staircase", "assess", "export", "sessions", "--version", "FILES", "/etc/staircase/config",
            "/etc/staircase/recipients", "ENVIRONMENT", "STAIRCASE_IDLE_LOCK", "EXIT STATUS", "recovery-recipients file is malformed",
        ] {
            #expect(man.output.contains(heading), "man page lacks \(heading)")
        }
        // KEYS and EXAMPLES; the help's own words, none lost (the manual tool drops what is not
        // ASCII); --version once; no developer command.
        for line in ["KEYS", "rate the row at Level 1 to 4", "EXAMPLES", "staircase export a-", "number 1-3", "descriptors (1-4)"] {
            #expect(man.output.contains(line), "man page lacks \(line)")
        }
        #expect(man.output.components(separatedBy: "Show the version.").count == 2, "--version is listed more than once")
        let help = Tmux.spawn([root + "/usr/bin/staircase", "catalogue", "show", "--help"]).1
        // Both wrap lines; compare the words.
        func words(_ text: String) -> String { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        for line in ["number 1-3, or part of its name", "descriptors (1-4)"] {
            #expect(words(help).contains(line) && words(man.output).contains(line), "--help and the man page differ on: \(line)")
        }
        for dev in ["bench-score", "bench-startup", "bench-report", "swift-source"] {
            #expect(!man.output.contains(dev), "the man page lists the developer command \(dev)")
        }
        let warnings = Self.sh("MANWIDTH=80 man --warnings -l '\(page)' 2>&1 >/dev/null")
        #expect(warnings.output.isEmpty, "man warnings: \(warnings.output)")

        // Completions where bash-completion, zsh and fish look for vendor files.
        let bash = try String(contentsOfFile: root + "/usr/share/bash-completion/completions/staircase", encoding: .utf8)
        let bashRegisters = bash.contains("-F _staircase staircase")
        #expect(bashRegisters)
        #expect(!bash.hasPrefix("#!"))
        let zsh = try String(contentsOfFile: root + "/usr/share/zsh/vendor-completions/_staircase", encoding: .utf8)
        let zshRegisters = zsh.hasPrefix("#compdef staircase")
        #expect(zshRegisters)
        let fish = try String(contentsOfFile: root + "/usr/share/fish/vendor_completions.d/staircase.fish", encoding: .utf8)
        let fishRegisters = fish.contains("complete -c 'staircase'")
        #expect(fishRegisters)
        if Self.sh("command -v bash").status == 0 {
            let loaded = Self.sh("bash -c \". '\(root)/usr/share/bash-completion/completions/staircase' && complete -p staircase\"")
            #expect(loaded.status == 0 && loaded.output.contains("staircase"), "bash: \(loaded.output)")
        }

        // The catalogue and training pack, byte for byte, with the Debian documentation files.
        let doc = root + "/usr/share/doc/staircase/"
        #expect(FileManager.default.contentsEqual(atPath: doc + "durham.json", andPath: Self.repository + "/Data/durham.json"))
        #expect(
            FileManager.default.contentsEqual(
                atPath: doc + "training/durham-pack.json", andPath: Self.repository + "/Data/training/durham-pack.json"))
        let copyright = (try? String(contentsOfFile: doc + "copyright", encoding: .utf8)) ?? ""
        for linked in ["swift-crypto", "BoringSSL", "swift-argument-parser", "swift-asn1", "fiat-crypto", "License: Apache-2.0"] {
            #expect(copyright.contains(linked), "the copyright file does not name \(linked), which is built into the binary")
        }
        // The user guides the error messages point to, byte for byte.
        for guide in ["practitioner.md", "trainer.md", "admin.md", "format/README.md", "format/assessment.md", "format/encryption.md"] {
            #expect(
                FileManager.default.contentsEqual(atPath: doc + guide, andPath: Self.repository + "/docs/" + guide),
                "\(guide) is not shipped")
        }
        for example in ["config", "recipients"] {
            #expect(
                FileManager.default.contentsEqual(atPath: doc + "examples/" + example, andPath: Self.repository + "/Data/etc/" + example))
        }
        #expect(Self.sh("zcat '\(doc)changelog.Debian.gz'").output.contains("staircase (\(Self.field("Version", of: deb)))"))
    }

    /// Issue 14's "done when", with the installed binary: a practitioner sets a passphrase,
    /// completes an assessment and walks away (the idle lock hides the case); then the store
    /// holds only age files, Debian's `age -d` with the organisation's recovery identity recovers
    /// the assessment, and the child's name is in no file in plain text.
    @Test func theInstalledBinaryEncryptsLocksAndTheOrganisationCanRecover() throws {
        let deb = try Self.package.get()
        let root = try Self.install(deb)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let started = Date().addingTimeInterval(-1)
        let t = try Tmux()
        // The organisation's recovery key pair, made by IT with Debian's age-keygen.
        let key = t.home + "/recovery-key.txt"
        let made = Tmux.spawn(["age-keygen", "-o", key])
        let recipient = try #require(
            made.1.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("age1") }.map(String.init), "\(made.1)")
        try (recipient + "\n").write(toFile: t.home + "/recipients", atomically: true, encoding: .utf8)
        // A canary of its own: other tests (some with plain stores) write theirs under /tmp meanwhile.
        // Random letters, so no file that merely holds this test's source (a clone of the
        // repository under /tmp) can look like a leak.
        let canary = "Qzpackagename Wx" + String((0..<6).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! })
        try t.start(
            env: [
                "STAIRCASE_STORE_UNENCRYPTED": "", "STAIRCASE_RECIPIENTS": t.home + "/recipients", "STAIRCASE_IDLE_LOCK": "8s",
                "STAIRCASE_TEST_SCRYPT_LOGN": "10", "XDG_STATE_HOME": t.home + "/state",
            ], binary: root + "/usr/bin/staircase", showPrompt: true)
        // The prompt itself, after the three lines that explain it: its first line also says
        // "Choose a passphrase", and a capture taken then had no recovery sentence yet.
        let prompt = try t.waitFor("Choose a passphrase (at least")
        #expect(prompt.contains("recovery key"), "the prompt says IT can recover the files")
        // Each typed once asked: what is typed before a prompt is discarded.
        try t.chooseNewPassphrase("staircase passphrase", first: "Choose a passphrase")
        try t.reachFirstDomain(name: canary)
        try t.send("3", "e")
        try t.type("Seen at home with " + canary)
        try t.send("Enter")
        try t.waitFor("Note: Seen at home")
        // Walks away: the case is saved and hidden.
        let locked = try t.waitFor("Staircase is locked")
        for secret in [canary, "Q. W.", "Seen at home", "developmental"] {
            #expect(!locked.contains(secret), "\(secret) is on the lock screen")
        }
        try t.type("staircase passphrase")
        try t.send("Enter")
        try t.waitFor("developmental needs (1/3)")
        try t.send("q")
        try t.waitFor("Saved:")

        let store = t.dataDirectory + "/staircase"
        // The release build ignores the test-only work factor: the identity is sealed at logN 18.
        let identity = String(
            decoding: FileManager.default.contents(atPath: store + "/store-identity.age")?.prefix(200) ?? Data(), as: UTF8.self)
        #expect(identity.contains("-> scrypt ") && identity.split(separator: "\n")[1].hasSuffix(" 18"), "\(identity)")
        let files = try FileManager.default.contentsOfDirectory(atPath: store).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".lock") }
        let saved = files.filter { $0.hasSuffix(".json") && $0.hasPrefix("a-") }
        #expect(saved.count == 1, "\(files)")
        for name in files {
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: store + "/" + name, isDirectory: &folder), !folder.boolValue else { continue }
            let head = FileManager.default.contents(atPath: store + "/" + name)?.prefix(21) ?? Data()
            #expect(String(decoding: head, as: UTF8.self) == "age-encryption.org/v1", "\(name) is an age file")
        }
        let recovered = Tmux.spawn(["age", "-d", "-i", key, store + "/" + (saved.first ?? "")])
        #expect(recovered.0 == 0)
        #expect(recovered.1.contains(canary) && recovered.1.contains("Seen at home with"), "the recovery identity opens the assessment")
        for folder in [t.home, NSTemporaryDirectory()] {
            let leaks = EncryptionEndToEndTests.filesWithCanary(under: folder, since: started, canary: canary)
            #expect(leaks.isEmpty, "the child's name in plain text: \(leaks)")
        }
    }

    @Test func controlFileChecksumOwnershipAndLintian() throws {
        let deb = try Self.package.get()
        let depends = Self.field("Depends", of: deb)
        for library in ["libc6", "libncursesw6", "libtinfo6"] {
            #expect(depends.contains(library + " ("), "Depends lacks a versioned \(library): \(depends)")
        }
        // The C++ library and the unwinder are linked in (Package.swift), as the Swift runtime is.
        for library in ["libstdc++6", "libgcc-s1"] {
            #expect(!depends.contains(library), "Depends names \(library), which is linked in: \(depends)")
        }

        let folder = URL(fileURLWithPath: deb).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: deb).lastPathComponent
        let check = Self.sh("cd '\(folder)' && sha256sum -c '\(name).sha256' && sha256sum -c staircase.sha256")
        #expect(check.status == 0, "checksums: \(check.output)")
        #expect(check.output.contains("\(name): OK"))

        let listing = Self.sh("dpkg-deb -c '\(deb)'")
        let entries = listing.output.split(separator: "\n")
        #expect(entries.count > 10)
        #expect(entries.allSatisfy { $0.contains(" root/root ") }, "not all root-owned:\n\(listing.output)")
        #expect(entries.contains { $0.hasPrefix("-rwxr-xr-x") && $0.hasSuffix("./usr/bin/staircase") })

        // The single-file route: the same stripped binary, no symbol table.
        let file = Self.sh("file -b '\(folder)/staircase' 2>/dev/null || readelf -S '\(folder)/staircase'")
        #expect(!file.output.contains("not stripped") && !file.output.contains(".symtab"))
        // No RUNPATH: the loader finds ncurses and the C++ library only where the system keeps them.
        let dynamic = Self.sh("readelf -d '\(folder)/staircase'")
        #expect(dynamic.status == 0 && dynamic.output.contains("(NEEDED)"), "readelf: \(dynamic.output)")
        #expect(!dynamic.output.contains("RUNPATH") && !dynamic.output.contains("RPATH"), "\(dynamic.output)")
        let needed = dynamic.output.split(separator: "\n").filter { $0.contains("(NEEDED)") }
            .compactMap { $0.split(separator: "[").last?.dropLast() }.map(String.init)
        let system: Set = ["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "libncursesw.so.6", "libtinfo.so.6"]
        #expect(Set(needed).isSubset(of: system), "shared libraries: \(needed)")

        let lintian = try String(contentsOfFile: folder + "/lintian.txt", encoding: .utf8)
        #expect(!lintian.hasPrefix("lintian not installed"), "lintian did not run: install it (.ci/run does)")
        let findings = lintian.split(separator: "\n").filter { $0.hasPrefix("E: ") || $0.hasPrefix("W: ") }
        #expect(findings.isEmpty, "lintian: \(findings)")
    }
}
