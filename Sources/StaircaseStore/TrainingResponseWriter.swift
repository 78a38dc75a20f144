import StaircaseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a participant's response file into the folder they chose (a USB stick, a shared
/// folder), through the same private, exclusive writer as exports: 0600, never over an existing
/// file, flushed to disk, and the folder flushed so the new name survives a power cut.
///
/// The name carries TRAINING and the response's random id, so two participants writing into one
/// shared folder never collide and nobody mistakes the file for a real assessment.
public enum TrainingResponseWriter {
    /// Returns the path written.
    @discardableResult
    public static func write(_ response: TrainingResponse, toFolder folder: String) throws(SummaryWriteError) -> String {
        var base = folder.isEmpty ? "." : folder
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        let path = (base == "/" ? "" : base) + "/" + response.fileName
        let bytes: [UInt8]
        do {
            bytes = try response.encoded()
        } catch {
            throw .writeFailed(path: path, reason: "the response could not be encoded")
        }
        try SummaryFileWriter.write(String(decoding: bytes, as: UTF8.self), to: path, force: false)
        let fd = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        return path
    }
}
