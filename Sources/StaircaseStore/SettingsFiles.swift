import StaircaseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the two settings files and merges them by `StaircaseSettings.resolve`'s policy.
///
/// - `/etc/staircase/config`: the organisation's, only ever read. It must be a regular file
///   that only its owner may write (a policy anyone can edit is no policy). Missing: defaults.
/// - `$XDG_CONFIG_HOME/staircase/config` (default `~/.config/staircase/config`): the user's.
///   It must be a regular file owned by the user and not writable by group or others, else
///   another account could loosen the user's own choices. Missing: nothing to add.
///
/// There is no environment variable for the system file: one would let any user replace IT's
/// policy. Tests call `load(systemPath:environment:)` with a file of their own.
public enum SettingsFiles {
    public static let systemPath = "/etc/staircase/config"
    /// Settings files are a few lines; anything bigger is not one.
    static let sizeLimit = 64 << 10

    /// The user's file: `$XDG_CONFIG_HOME/staircase/config` when that is an absolute path, else
    /// `$HOME/.config/staircase/config`; nil with neither.
    public static func userPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return SessionStore.join(xdg, "staircase/config") }
        if let home = environment["HOME"], home.hasPrefix("/") { return SessionStore.join(home, ".config/staircase/config") }
        return nil
    }

    /// Both files read, checked, parsed and merged.
    public static func load(systemPath: String = systemPath, environment: [String: String]) throws(SettingsError) -> StaircaseSettings {
        let system = try read(systemPath, owner: nil)
        let own = userPath(environment: environment)
        let user = try own.flatMap { path throws(SettingsError) in try read(path, owner: geteuid()) }
        return StaircaseSettings.resolve(system: system, systemPath: systemPath, user: user, userPath: own ?? "")
    }

    /// A draft of the organisation's file checked as Staircase would read it at
    /// `/etc/staircase/config` (regular, not writable by others, every line valid), so IT can
    /// check it before installing it. A missing file is an error here.
    public static func check(_ path: String) throws(SettingsError) -> SettingsFile {
        guard let file = try read(path, owner: nil) else {
            throw SettingsError(file: path, line: 0, problem: "no such file", fix: "give the path of the draft settings file")
        }
        return file
    }

    /// One file parsed, or nil when it does not exist. `owner`, when given, must own the file.
    static func read(_ path: String, owner: uid_t?) throws(SettingsError) -> SettingsFile? {
        func refuse(_ problem: String, _ fix: String) -> SettingsError { SettingsError(file: path, line: 0, problem: problem, fix: fix) }
        let fd: Int32
        do {
            // Non-blocking, so a FIFO put in its place cannot hang start-up; refused below.
            fd = try POSIX.openFile(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        } catch {
            if error.code == ENOENT || error.code == ENOTDIR { return nil }
            throw refuse("cannot be read (\(error.description))", "make it readable, or remove it")
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, POSIX.isRegular(st) else {
            throw refuse("not a regular file", "replace it with a plain text file of `key = value` lines")
        }
        let who = owner == nil ? "the organisation's settings file" : "your settings file"
        if let owner, st.st_uid != owner {
            throw refuse(
                "\(who) belongs to another account",
                "remove it and write your own (see staircase help settings, or the admin guide, /usr/share/doc/staircase/admin.md)")
        }
        if st.st_mode & 0o022 != 0 {
            let fix = owner == nil ? "make it writable by its owner only (chmod 644, by IT)" : "run chmod go-w on it"
            throw refuse("\(who) may be changed by other accounts", fix)
        }
        let bytes: [UInt8]
        do {
            bytes = try POSIX.readAll(fd, limit: sizeLimit)
        } catch {
            throw refuse("cannot be read (\(error.description))", "check it is a short text file")
        }
        return try SettingsFile.parse(String(decoding: bytes, as: UTF8.self), file: path)
    }
}
