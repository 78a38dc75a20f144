import Foundation

/// A pseudo-terminal for a command run without tmux: the program asks its store's passphrase on
/// `/dev/tty`, never on its standard streams, so `Tmux.staircase` gives it this terminal and types
/// the passphrase at each prompt, as a person at a terminal would, while its output goes to a file.
final class PseudoTerminal {
    let master: Int32
    let name: String

    /// glibc's POSIX_SPAWN_SETSID, which Swift's Glibc module does not export.
    static let setsid: Int16 = 0x80

    init?() {
        typealias OnFD = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
        // Swift's Glibc module leaves out the XSI pty calls, so they are looked up in libc.
        guard let open = Self.libc("posix_openpt", as: OnFD.self), let grant = Self.libc("grantpt", as: OnFD.self),
            let unlock = Self.libc("unlockpt", as: OnFD.self), let ptsname = Self.libc("ptsname_r", as: Name.self)
        else { return nil }
        master = open(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var path = [CChar](repeating: 0, count: 128)
        guard master >= 0, grant(master) == 0, unlock(master) == 0, ptsname(master, &path, path.count) == 0 else {
            if master >= 0 { close(master) }
            return nil
        }
        name = String(cString: path)
    }

    private static func libc<T>(_ symbol: String, as type: T.Type) -> T? {
        dlsym(nil, symbol).map { unsafeBitCast($0, to: type) }
    }

    deinit { close(master) }

    /// Waits for `pid` while answering every passphrase prompt it writes on the terminal (each
    /// prompt once, after it appears, since a retry discards what was typed before it); returns
    /// its wait status. A program still running after two minutes is killed.
    func answer(_ pid: pid_t, passphrase: String) -> Int32 {
        var seen: [UInt8] = []
        var scanned = 0
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(120)
        while true {
            var ready = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&ready, 1, 20) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(master, &buffer, buffer.count)
                if n > 0 { seen += buffer[0..<n] } else { usleep(10_000) }  // no one has the terminal open now
            }
            while let end = Self.prompt(in: seen, from: scanned) {
                let line = Array((passphrase + "\n").utf8)
                _ = line.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
                scanned = end
            }
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { return status }
            if Date() > deadline { kill(pid, SIGKILL) }
        }
    }

    /// Where the first prompt after `from` ends, if one has been written.
    static func prompt(in seen: [UInt8], from start: Int) -> Int? {
        let text = String(decoding: seen[start...], as: UTF8.self)
        let ends = Tmux.passphrasePrompts.compactMap { text.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
        return ends.map { start + text.utf8.distance(from: text.utf8.startIndex, to: $0.upperBound) }
    }
}
