import StaircaseCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Reading what the training commands are given: a pack (a path, or `durham` for the built-in
/// one) and response files or folders of them. File access stays here, out of the pure core.
enum TrainingFiles {
    static func loadPack(_ name: String?, catalogue: Catalogue) throws -> TrainingPack {
        do {
            guard let name, name != EmbeddedTrainingPack.name else { return try EmbeddedTrainingPack.load(catalogue: catalogue) }
            let display = CatalogueLoader.displayName(name)
            let data: Data
            switch read(name, limit: TrainingPackLoader.maximumBytes) {
            case .success(let d): data = d
            case .failure(.missing(let why)): throw TrainingPackError.unreadable(file: display, reason: why)
            case .failure(.tooLarge(let bytes)):
                throw TrainingPackError.tooLarge(file: display, bytes: bytes, limit: TrainingPackLoader.maximumBytes)
            }
            return try TrainingPackLoader.load(data: data, file: display, catalogue: catalogue)
        } catch let error as TrainingPackError {
            let text = error.lines.map { SafeText.clean($0) }.joined(separator: "\n")
            if case .unreadable = error { throw Failure.missingInput(text) }
            throw Failure.data(text)
        }
    }

    enum ReadProblem: Error {
        case missing(String)
        case tooLarge(Int)
    }

    /// The file's bytes, refusing a folder, an unreadable file or one over `limit` before reading it.
    static func read(_ path: String, limit: Int) -> Result<Data, ReadProblem> {
        var info = stat()
        if stat(path, &info) != 0 { return .failure(.missing("no such file")) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.missing("it is a folder")) }
        if Int(info.st_size) > limit { return .failure(.tooLarge(Int(info.st_size))) }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
            return .failure(.missing("permission denied or unreadable"))
        }
        return .success(data)
    }

    /// Every response to count: each PATH is a file, or a folder whose `*.json` files are read,
    /// with those in its sub-folders one level down (facilitators collect a folder per
    /// participant); hidden files are not read. A path that does not exist is a usage error.
    /// `skipped` names what a folder held besides: deeper folders and files that are not `.json`.
    static func responseInputs(_ paths: [String]) throws -> (inputs: [TrainingReport.Input], skipped: [String]) {
        var inputs: [TrainingReport.Input] = []
        var skipped: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw Failure.missingInput("\(SafeText.clean(path)): no such file or folder — check the path")
            }
            var files: [String] = []
            if isFolder(info) {
                guard let entries = listing(path) else {
                    throw Failure.missingInput("\(SafeText.clean(path)): cannot list the folder — check that you may read it")
                }
                for entry in entries {
                    var sub = stat()
                    if stat(entry, &sub) == 0, isFolder(sub) {
                        guard let inner = listing(entry) else {
                            skipped.append(entry)
                            continue
                        }
                        for file in inner {
                            var deeper = stat()
                            let folder = stat(file, &deeper) == 0 && isFolder(deeper)
                            if !folder && file.hasSuffix(".json") { files.append(file) } else { skipped.append(file) }
                        }
                    } else if entry.hasSuffix(".json") {
                        files.append(entry)
                    } else {
                        skipped.append(entry)
                    }
                }
            } else {
                files = [path]
            }
            for file in files {
                switch read(file, limit: TrainingResponse.maximumBytes) {
                case .success(let data): inputs.append(TrainingReport.Input(name: file, data: data))
                case .failure(.missing(let why)): inputs.append(TrainingReport.Input(name: file, unreadable: "cannot read it (\(why))"))
                case .failure(.tooLarge(let bytes)):
                    inputs.append(TrainingReport.Input(name: file, unreadable: "\(bytes) bytes, larger than any response file"))
                }
            }
        }
        return (inputs, skipped)
    }

    static func isFolder(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }

    /// A folder's visible entries as paths, sorted; nil when it cannot be listed.
    static func listing(_ folder: String) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder + (folder.hasSuffix("/") ? "" : "/") + $0 }
    }
}
