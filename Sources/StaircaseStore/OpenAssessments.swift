import StaircaseCore

/// One wizard's hold on a store: the assessment it has open, the lock that keeps a second
/// window from editing it too, and the file it loaded, so no save overwrites work done elsewhere.
///
/// Two windows on one assessment used to lose answers silently (the last writer won). Now the
/// second window is told "open in another window (since 14:05)" and may open it read-only, and
/// every save first checks the file on disk is still the one this window read or wrote.
public final class OpenAssessments {
    public let store: SessionStore
    var lock: AssessmentLock?
    /// The id held, and what its file on disk should be (nil: no file yet).
    var expected: (id: String, file: FileFingerprint?)?
    /// Opened read-only because another window holds the lock.
    public private(set) var readOnlyID: String?
    /// The file read for the read-only window: the version its recovery copy is based on.
    var readOnlyFile: FileFingerprint?

    public init(store: SessionStore) {
        self.store = store
    }

    /// Opens for editing; throws `.openElsewhere` while another window has it.
    public func open(id: String) throws(StoreError) -> Assessment {
        let newLock = try AssessmentLock.acquire(id, in: store)
        let (assessment, file) = try store.read(id: id)
        hold(newLock, expecting: (id, file))
        return assessment
    }

    /// Opens to read only, whoever holds it; nothing is saved until it is opened for editing.
    public func openReadOnly(id: String) throws(StoreError) -> Assessment {
        let (assessment, file) = try store.read(id: id)
        lock = nil
        expected = nil
        readOnlyID = id
        readOnlyFile = file
        return assessment
    }

    /// Takes over an assessment brought back from a recovery copy: it replaces whatever is in the
    /// store under its id at the next save, because the practitioner chose it.
    public func adopt(_ assessment: Assessment) throws(StoreError) {
        let newLock = try AssessmentLock.acquire(assessment.id, in: store)
        let path = try store.path(for: assessment.id)
        let file: FileFingerprint?
        do {
            file = try FileFingerprint.current(path)
        } catch {
            throw .unreadable(path: path, reason: error)
        }
        hold(newLock, expecting: (assessment.id, file))
    }

    /// Saves durably, refusing when the assessment is read-only here or its file changed elsewhere.
    public func save(_ assessment: Assessment) throws(StoreError) {
        if readOnlyID == assessment.id { throw .readOnly(id: assessment.id) }
        if expected?.id != assessment.id {
            // A new assessment: its id is random, so no file should exist yet.
            hold(try AssessmentLock.acquire(assessment.id, in: store), expecting: (assessment.id, nil))
        }
        let written = try store.write(assessment, expecting: expected?.file, checked: true)
        expected = (assessment.id, written)
    }

    /// Re-reads the file on disk (after `.changedOnDisk`) and takes it as the one to save over.
    public func reload(id: String) throws(StoreError) -> Assessment {
        if lock?.id != id { return try open(id: id) }
        let (assessment, file) = try store.read(id: id)
        expected = (id, file)
        return assessment
    }

    /// True when this window may save `id`.
    public func isReadOnly(_ id: String) -> Bool { readOnlyID == id }

    /// Lets go of the lock (leaving the wizard, or opening another assessment).
    public func close() {
        lock = nil
        expected = nil
        readOnlyID = nil
        readOnlyFile = nil
    }

    func hold(_ newLock: AssessmentLock, expecting: (String, FileFingerprint?)) {
        lock = newLock
        expected = expecting
        readOnlyID = nil
        readOnlyFile = nil
    }
}

extension SessionStore {
    /// The training store: a `training/` folder inside this one, with the same rules (trusted
    /// folder, locks, durable saves, index). Workshop runs go there, apart from real cases.
    public var training: SessionStore {
        var t = SessionStore(directory: Self.join(directory, Self.trainingFolderName))
        t.engine = engine
        return t
    }
}
