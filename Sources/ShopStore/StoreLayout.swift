/// The names of the files in a data folder.
struct StoreLayout {
    let folder: String

    var journal: String { folder + "/journal" }
    var journalTemporary: String { folder + "/journal.tmp" }
    var snapshot: String { folder + "/snapshot" }
    var previousSnapshot: String { folder + "/snapshot.prev" }
    var snapshotTemporary: String { folder + "/snapshot.tmp" }
    var lock: String { folder + "/lock" }

    /// Whether the folder holds any shop data (a journal or a snapshot).
    var hasData: Bool {
        SystemCall.exists(journal) || SystemCall.exists(snapshot) || SystemCall.exists(previousSnapshot)
    }
}
