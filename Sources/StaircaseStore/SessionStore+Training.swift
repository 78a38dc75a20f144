/// The training store: training runs live in their own folder inside the store
/// (`…/staircase/training/`), by the same implementation, so a workshop's fictional children
/// never appear among real assessments and real ones never appear in a workshop.
extension SessionStore {
    /// The folder name, inside the real store, that holds training runs.
    public static let trainingFolderName = "training"

    /// The store for training runs, inside this one. Listing this store never reads that folder
    /// (only `*.json` files are listed), and the training store has no folder of its own inside.
    public var training: SessionStore {
        SessionStore(directory: Self.join(directory, Self.trainingFolderName))
    }
}
