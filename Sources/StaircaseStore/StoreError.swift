import StaircaseCore

/// Why saving, loading, listing or deleting failed, and what to do about it.
///
/// Messages name only ids, paths and the system's reason: never a child's name, a note or any
/// other assessment text, because they reach stderr, terminals and bug reports.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither `XDG_DATA_HOME` nor `HOME` gives an absolute folder.
    case noHomeDirectory
    /// The id could make a file name outside the folder, or is too long.
    case invalidID(String)
    case cannotCreateDirectory(path: String, reason: SystemError)
    /// The folder exists but cannot be made private (0700).
    case cannotSecureDirectory(path: String, reason: SystemError)
    /// The folder for referral summaries (not the store): its fix is another documents folder
    /// or a full path typed on the export screen, never `--store`.
    case cannotCreateDocumentsFolder(path: String, reason: SystemError)
    case cannotEncode(id: String)
    /// The temporary file could not be created, written or flushed; the old save is untouched.
    case cannotWrite(path: String, reason: SystemError)
    /// The new file could not take the old one's place; the old save is untouched.
    case cannotReplace(path: String, reason: SystemError)
    /// The file was replaced but the folder could not be flushed: a power cut could undo it.
    case notDurable(path: String, reason: SystemError)
    case notFound(id: String, directory: String)
    case unreadable(path: String, reason: SystemError)
    /// The file exists but is not a readable assessment; `reason` never quotes its contents.
    case damaged(path: String, reason: String)
    case cannotDelete(path: String, reason: SystemError)
    case cannotList(path: String, reason: SystemError)
    /// A store, training or recovery folder that is a symbolic link, someone else's, or inside a
    /// folder others may change: refused, never followed or chmodded.
    case untrustedFolder(path: String, problem: TrustedFolder.Problem)
    /// Another wizard has this assessment open (since `since`, "HH:MM" in UTC, when known).
    case openElsewhere(id: String, since: String?)
    /// The file on disk is no longer the one this wizard loaded or last saved: another window,
    /// `sessions delete` or a restored backup changed it. Saving would overwrite their work.
    case changedOnDisk(id: String)
    /// Opened read-only because another window has it: nothing is saved.
    case readOnly(id: String)
    /// Larger than any assessment Staircase writes; refused before it is read.
    case tooLarge(path: String, limit: Int)
    /// An encrypted file read before the store was unlocked with its passphrase.
    case locked(path: String)
    /// Encryption itself failed (no recipient, or the system's random source); nothing was written.
    case cannotEncrypt(path: String, reason: String)
    /// The store identity file is missing, damaged, or the passphrase does not open it.
    case identity(path: String, reason: String)
    /// The folder holds encrypted saves but no `store-identity.age` (deleted, or only the case
    /// files were copied): a new identity would orphan them, so nothing is written.
    case identityMissing(directory: String)
    /// The store is on a file system mounted read-only: it can be read, never written.
    case readOnlyDisk(directory: String)

    public var description: String {
        let elsewhere = "set XDG_DATA_HOME to a folder you can write, or pass --store PATH"
        switch self {
        case .noHomeDirectory:
            return "cannot find a folder for saved assessments: HOME is not set to an absolute path — " + elsewhere
        case .invalidID(let id):
            return "\"\(Self.shown(id))\" is not a valid assessment id — use up to \(SessionStore.maximumIDLength) "
                + "letters, digits, '-' or '_' (see `staircase sessions list`)"
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create \(Self.shown(path)) (\(reason)) — " + elsewhere
        case .cannotCreateDocumentsFolder(let path, let reason):
            return "cannot create the documents folder \(Self.shown(path)) (\(reason)) — set XDG_DOCUMENTS_DIR to a folder you can "
                + "write, or press e and give the summary a full path in a folder of your own"
        case .cannotSecureDirectory(let path, let reason):
            return "cannot make \(Self.shown(path)) private (chmod 0700: \(reason)) — use a folder you own: " + elsewhere
        case .cannotEncode(let id):
            return "cannot encode assessment \(Self.shown(id)) as JSON — report this as a bug; the previous save is unchanged"
        case .cannotWrite(let path, let reason):
            return "cannot write \(Self.shown(path)) (\(reason)) — free some space or fix the folder's permissions, or "
                + elsewhere + "; the previous save is unchanged"
        case .cannotReplace(let path, let reason):
            return "cannot replace \(Self.shown(path)) (\(reason)) — check the folder's permissions; the previous save is unchanged"
        case .notDurable(let path, let reason):
            return "saved \(Self.shown(path)) but could not flush its folder (\(reason)) — a power cut may undo this save; "
                + "check the disk, then save again"
        case .notFound(let id, let directory):
            return "no saved assessment \"\(Self.shown(id))\" in \(Self.shown(directory)) — run `staircase sessions list` to see the ids"
        case .unreadable(let path, let reason):
            return "cannot read \(Self.shown(path)) (\(reason)) — check its permissions (it should be yours, mode 0600)"
        case .damaged(let path, let reason):
            return "\(Self.shown(path)) is damaged (\(reason)) — move it out of the folder; other saved assessments are unaffected"
        case .cannotDelete(let path, let reason):
            return "cannot delete \(Self.shown(path)) (\(reason)) — check the folder's permissions"
        case .cannotList(let path, let reason):
            return "cannot list \(Self.shown(path)) (\(reason)) — check the folder's permissions, or " + elsewhere
        case .untrustedFolder(let path, .symbolicLink):
            return "\(Self.shown(path)) is a symbolic link; Staircase keeps records only in a real folder — "
                + "remove the link and create the folder (mkdir -m 700), or " + elsewhere
        case .untrustedFolder(let path, .foreignOwner(let uid)):
            return "\(Self.shown(path)) belongs to user \(uid), not to you; Staircase will not use or chmod it — " + elsewhere
        case .untrustedFolder(let path, .openParent):
            return "\(Self.shown(path)) can be changed by other users (it is writable by others and not sticky) — "
                + "run chmod go-w on it, or " + elsewhere
        case .openElsewhere(let id, let since):
            return "\(Self.shown(id)) is open in another window" + (since.map { " (since \($0))" } ?? "")
                + " — close it there first; it can be opened read-only here"
        case .changedOnDisk(let id):
            return "\(Self.shown(id)) was changed or deleted elsewhere since it was opened here; it was not overwritten — "
                + "reload it (your changes here go to a recovery copy)"
        case .readOnly(let id):
            return "\(Self.shown(id)) is open read-only because another window has it; changes here are not saved"
        case .tooLarge(let path, let limit):
            return "\(Self.shown(path)) is larger than \(limit >> 20) MB, more than any assessment Staircase writes — "
                + "check it is the right file"
        case .locked(let path):
            return "\(Self.shown(path)) is encrypted and the store is locked — enter the store's passphrase to read it"
        case .cannotEncrypt(let path, let reason):
            return "cannot encrypt \(Self.shown(path)) (\(reason)) — check /etc/staircase/recipients and STAIRCASE_RECIPIENTS; "
                + "nothing was written"
        case .identity(let path, let reason):
            return "\(Self.shown(path)): \(reason)"
        case .readOnlyDisk(let directory):
            return "\(Self.shown(directory)) is on a read-only disk: assessments there can be read but not changed — "
                + elsewhere + " to save new work"
        case .identityMissing(let directory):
            return "\(Self.shown(directory)) holds encrypted assessments but not their key file, store-identity.age — "
                + "restore store-identity.age into it from the computer or backup they came from, or ask IT to recover them "
                + "with the organisation's recovery key; nothing was written into the folder"
        }
    }

    /// Paths and ids are the user's own, but still sanitised and bounded before they are printed.
    static func shown(_ text: String) -> String {
        let clean = SafeText.clean(text)
        return clean.count > 200 ? String(clean.prefix(200)) + "…" : clean
    }
}
