import StaircaseCore
import StaircaseStore
import StaircaseTUI

#if canImport(Glibc)
import Glibc
#endif

/// The wizard's export effect: renders with the same exporter as `staircase export` and writes
/// the file privately, never over an existing one.
enum SummaryExport {
    static func write(format: ExportFormat, path: String, assessment: Assessment, catalogue: Catalogue) -> Result<String, WizardHostError> {
        let text = ReferralExporter.render(format: format, catalogue: catalogue, assessment: assessment, redact: false)
        do {
            try SummaryFileWriter.write(text, to: path, force: false)
            return .success(path)
        } catch {
            return .failure(WizardHostError(error.description))
        }
    }

    /// ~/Documents when it exists (the user's documents folder), else the home folder.
    static func defaultDirectory() -> String {
        let home = Environment.value("HOME") ?? "."
        var info = stat()
        let documents = home + "/Documents"
        if stat(documents, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { return documents }
        return home
    }
}
