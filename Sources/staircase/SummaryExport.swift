import StaircaseCore
import StaircaseStore
import StaircaseTUI

/// The wizard's export effect: renders with the same exporter as `staircase export` and writes
/// the file privately; an existing file is replaced (atomically) only when the user said yes.
enum SummaryExport {
    static func write(
        format: ExportFormat, path: String, assessment: Assessment, catalogue: Catalogue, folder: String, replace: Bool,
        store: SessionStore? = nil
    ) -> Result<String, HostError> {
        if path.hasPrefix(folder + "/") {
            do throws(StoreError) {
                try DocumentsFolder.ensure(folder)
            } catch {
                return .failure(.io(error.description))
            }
        }
        // As `staircase export` does: with "Since last time" when the store holds an earlier one.
        let summary = ChildRecords.summary(catalogue: catalogue, assessment: assessment, redact: false, store: store)
        let text = ReferralExporter.render(format: format, summary: summary)
        do throws(SummaryWriteError) {
            try SummaryFileWriter.write(text, to: path, force: replace)
            return .success(path)
        } catch {
            if case .exists(let p) = error { return .failure(.exists(path: p)) }
            return .failure(.io(error.description))
        }
    }
}

extension HostError {
    /// The store's errors as the wizard tells them apart: missing, damaged, or anything else.
    init(_ error: StoreError) {
        switch error {
        case .notFound: self = .notFound(error.description)
        case .damaged: self = .damaged(error.description)
        default: self = .io(error.description)
        }
    }
}
