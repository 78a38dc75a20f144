import StaircaseCore
import StaircaseStore

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What `score`, `export`, `compare`, `assess --from` and `sessions` accept: a path, "-", or the
/// id of a saved assessment (as `sessions list` prints it), and the one way they read it.
///
/// There were three readers with three sets of rules (issue 19: `compare` neither limited the
/// size nor decrypted, so it failed on every encrypted store); now there is one.
enum SavedAssessment {
    /// The one way in: finds the file, refuses it from its size before reading, decrypts an age
    /// file in memory with the store's passphrase (asked once per run, or `unlocked` when the
    /// caller already holds the open store) and decodes it. The catalogue check is the caller's,
    /// since `compare` and `assess --from` accept another version of the catalogue.
    static func open(_ argument: String, store: String?, unlocked: SessionStore? = nil) throws -> (Assessment, String) {
        let path = try path(argument, store: store ?? unlocked?.directory)
        let name = path == "-" ? "stdin" : CatalogueLoader.displayName(path)
        var bytes: [UInt8]
        do throws(AssessmentFile.ReadError) {
            // A 4 MB limit, from the file's size: memory stays bounded whatever is named.
            bytes = try AssessmentFile.read(path)
        } catch {
            switch error {
            case .tooLarge: throw Failure.data(SafeText.clean(error.description))
            case .unreadable: throw Failure.missingInput(SafeText.clean(error.description))
            }
        }
        defer { for i in bytes.indices { bytes[i] = 0 } }
        if SessionStore.isEncrypted(bytes) {
            // An encrypted save: unlocked with the store's passphrase, decrypted in memory only.
            let sessions = try unlocked ?? openStore(store, create: false)
            do throws(StoreError) {
                bytes = try sessions.decryptIfNeeded(bytes, path: name)
            } catch {
                throw Failure(error)
            }
        }
        do throws(AssessmentError) {
            return (try AssessmentLoader.decode(data: Data(bytes), file: name), name)
        } catch {
            throw error.isUnreadable ? Failure.missingInput(error.description) : Failure.data(error.description)
        }
    }

    /// The file an argument names: itself when it exists, else a saved id's file in the store.
    static func path(_ argument: String, store: String? = nil) throws -> String {
        if argument == "-" { return argument }
        var st = stat()
        if stat(argument, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFDIR {
                throw Failure.missingInput(
                    "\(SafeText.clean(argument)) is a folder, not an assessment file — give a .json file, or a saved id from `staircase sessions list`"
                )
            }
            return argument
        }
        guard !argument.contains("/"), SessionStore.isValid(id: argument) else { return argument }
        // Only the path is needed here: the passphrase is asked once, when the file is read.
        let sessions = try storeFolder(store)
        guard let saved = try? sessions.path(for: argument), stat(saved, &st) == 0 else {
            throw Failure.missingInput(
                "\(SafeText.clean(argument)): no such file, and no saved assessment with that id in \(SafeText.clean(sessions.directory))"
                    + " — give a path, or an id from `staircase sessions list`")
        }
        return saved
    }
}
