/// The one place the version lives. `staircase --version` prints it, and `Scripts/package`
/// reads it from this file to name the .deb, so the two cannot disagree.
enum StaircaseVersion {
    static let current = "0.1.0"
}
