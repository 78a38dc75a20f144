import Foundation
import Testing

/// The README stays short and every guide it points to exists, and no link in the README or a
/// guide leads nowhere: a relative link names a file in the repository, and a `#anchor` names a
/// heading of that file (as GitHub makes anchors from headings).
@Suite struct DocumentationTests {
    static let documents = [
        "README.md", "ARCHITECTURE.md", "docs/practitioner.md", "docs/trainer.md", "docs/admin.md",
        "docs/format/README.md", "docs/format/assessment.md", "docs/format/summary.md", "docs/format/catalogue.md",
        "docs/format/encryption.md", "docs/dev/README.md", "docs/dev/testing.md", "docs/dev/benchmarks.md",
        "docs/dev/reliability.md", "docs/dev/packaging.md", "docs/dev/training.md", "docs/dev/summary.md", "docs/dev/store.md",
        "docs/dev/invariants.md", "docs/format/time-words.md",
    ]

    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: Fixtures.projectFile(relative), encoding: .utf8)
    }

    @Test func theReadmeIsShortAndNamesEveryGuide() throws {
        let readme = try Self.read("README.md")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines <= 200, "README.md has \(lines) lines; the guides in docs/ hold the rest")
        for guide in ["docs/practitioner.md", "docs/trainer.md", "docs/admin.md", "docs/format/README.md", "docs/dev/README.md"] {
            #expect(readme.contains("(\(guide))"), "README.md does not link \(guide)")
        }
    }

    @Test func everyRelativeLinkAndAnchorExists() throws {
        for document in Self.documents {
            let text = try Self.read(document)
            let folder = (document as NSString).deletingLastPathComponent
            for link in Self.links(in: text) where !link.contains("://") && !link.hasPrefix("mailto:") {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target =
                    parts[0].isEmpty ? document : ((folder as NSString).appendingPathComponent(parts[0]) as NSString).standardizingPath
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: Fixtures.projectFile(target), isDirectory: &isFolder) else {
                    Issue.record("\(document): the link \(link) names \(target), which does not exist")
                    continue
                }
                guard parts.count == 2, !isFolder.boolValue else { continue }
                let anchors = Self.anchors(in: try Self.read(target))
                #expect(anchors.contains(parts[1]), "\(document): the link \(link) names no heading of \(target)")
            }
        }
    }

    @Test func anchorsAreMadeAsGitHubMakesThem() {
        #expect(
            Self.anchors(in: "## The referral summary: `staircase export`\n## Before: choose and print cases\n## Keys\n## Keys")
                == ["the-referral-summary-staircase-export", "before-choose-and-print-cases", "keys", "keys-1"])
    }

    /// `](target)` of every Markdown link outside code blocks.
    static func links(in text: String) -> [String] {
        var out: [String] = []
        var inCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle() }
            if inCode { continue }
            var rest = Substring(line)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                out.append(String(after[..<close]))
                rest = after[close...]
            }
        }
        return out
    }

    /// GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered.
    static func anchors(in text: String) -> [String] {
        var seen: [String: Int] = [:]
        var out: [String] = []
        var inCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle() }
            guard !inCode, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            var slug = ""
            for c in title.unicodeScalars {
                if CharacterSet.alphanumerics.contains(c) || c == "-" || c == "_" {
                    slug.unicodeScalars.append(c)
                } else if c == " " {
                    slug.append("-")
                }
            }
            let n = seen[slug, default: 0]
            seen[slug] = n + 1
            out.append(n == 0 ? slug : "\(slug)-\(n)")
        }
        return out
    }
}
