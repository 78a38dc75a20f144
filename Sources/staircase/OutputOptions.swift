import ArgumentParser
import StaircaseCore
import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif

/// `--output` and `--force`, shared by every command that writes a document (the referral
/// summary, the training report, handouts), with one way of writing it: standard output, or a
/// new private file through the exports' writer.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?
    @Flag(help: "Replace the --output file if it already exists.")
    var force = false

    func validate() throws {
        if force && output == nil { throw ValidationError("--force needs --output PATH") }
    }

    /// `--output` named from the root: "wrote …" and every refusal say which folder the file
    /// went to (or could not go to), not only the name typed (a new user looked for it in the
    /// wrong folder). The current folder is read once, when the path is used.
    var outputPath: String? {
        guard let output else { return nil }
        guard !output.hasPrefix("/"), let cwd = getcwd(nil, 0) else { return output }
        defer { free(cwd) }
        let folder = String(cString: cwd)
        let name = output.hasPrefix("./") ? String(output.dropFirst(2)) : output
        return (folder == "/" ? "" : folder) + "/" + name
    }

    /// Says at once that `--output` exists (without `--force`), before any slow work such as
    /// unlocking the store. The write itself still refuses to replace a file that appears later.
    /// First, temporary files left in the output's folder by a killed export are removed.
    func refuseExistingOutput() throws {
        if let output = outputPath { SummaryFileWriter.removeOrphans(besides: output) }
        guard let output = outputPath, !force else { return }
        var st = stat()
        if lstat(output, &st) == 0 { throw Failure.io(SafeText.clean(SummaryWriteError.exists(path: output).description)) }
    }

    /// Prints `text`, or writes it to `--output` and says where.
    func emit(_ text: String) throws {
        guard let output = outputPath else {
            try FileHandleOutput.deliver(text)
            return
        }
        do throws(SummaryWriteError) {
            try SummaryFileWriter.write(text, to: output, force: force)
        } catch {
            throw Failure.io(SafeText.clean(error.description))
        }
        FileHandleOutput.say("wrote \(SafeText.clean(output))")
    }

    /// Writes an encrypted document (`export --to`) to `--output`, which it needs, through the
    /// same private, no-replace writer: the ciphertext is all that ever reaches the disk.
    func emit(sealed bytes: [UInt8]) throws {
        guard let output = outputPath else { throw Failure.usage("an encrypted document needs --output PATH") }
        do throws(SummaryWriteError) {
            try SummaryFileWriter.write(bytes: bytes, to: output, force: force)
        } catch {
            throw Failure.io(SafeText.clean(error.description))
        }
        FileHandleOutput.say("wrote \(SafeText.clean(output)) (encrypted)")
    }
}
