/// The training store: training runs live in their own folder inside the store
/// (`…/staircase/training/`), by the same implementation, so a workshop's fictional children
/// never appear among real assessments and real ones never appear in a workshop.
extension SessionStore {
    /// The folder name, inside the real store, that holds training runs.
    public static let trainingFolderName = "training"

    // `training` (the store for training runs, with the same rules) is in OpenAssessments.swift.
    // Listing this store never reads that folder (only `*.json` files are listed).
}
