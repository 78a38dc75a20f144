import Foundation
import StaircaseCore
import Testing

@testable import StaircaseTUI

/// The seeded random walks: thousands of valid key sequences through the key map, the reducer
/// and a fake store, every invariant checked after every key (Invariants.swift), the walk's own
/// model compared after every rule, and line mode replaying walks to the same final state.
/// `STAIRCASE_WALKS` and `STAIRCASE_WALK_SEED` change the count and the seed (Scripts/walk). 4,000 walks
/// in `swift test` (about 60 s on 2 quiet cores); the 10,000 and longer runs are Scripts/walk's.
@Suite struct RandomWalkTests {
    static let environment = ProcessInfo.processInfo.environment
    static let walks = environment["STAIRCASE_WALKS"].flatMap(Int.init) ?? 4_000
    static let seed = environment["STAIRCASE_WALK_SEED"].flatMap(UInt64.init) ?? 20
    static let keys = 200

    struct Part: Sendable {
        var walks = 0
        var keys = 0
        var checks = 0
        var failures: [String] = []
    }

    /// Walks `count` seeds from `first`, each in a fresh copy of the prelude's store.
    static func run(first: UInt64, count: Int, start: WizardState, files: [String: Assessment], table: WalkReference.Table) -> Part {
        var part = Part()
        for i in 0..<UInt64(count) {
            let seed = first &+ i
            let host = WalkHost()
            host.files = files
            let o = RandomWalk.walk(from: start, host: host, seed: seed, keys: keys, table: table)
            part.walks += 1
            part.keys += o.keys
            part.checks += o.checks
            guard let failure = o.failure else { continue }
            let fresh = WalkHost()
            fresh.files = files
            let shrunk = RandomWalk.shrink(o.rules, from: start, store: fresh)
            let replay = RandomWalk.walk(from: start, host: fresh.copy(), seed: 0, keys: .max, rules: shrunk.rules)
            part.failures.append(
                "seed \(seed): \(failure)\nshrunk to \(shrunk.rules.count) rules: \(shrunk.rules.map(\.description).joined(separator: " · "))\n"
                    + "keys: \(replay.inputs.map(\.description).joined(separator: " "))\nwhich fails with: \(shrunk.failure ?? "(no longer fails)")"
            )
            if part.failures.count >= 3 { break }
        }
        return part
    }

    @Test func randomWalksKeepEveryInvariant() async throws {
        let (start, host) = try RandomWalk.prelude()
        let files = host.files
        let table = WalkReference(start).table
        let clock = ContinuousClock()
        let began = clock.now
        let parts = 2
        let share = Self.walks / parts
        let total = await withTaskGroup(of: Part.self) { group in
            for p in 0..<parts {
                let count = p == parts - 1 ? Self.walks - share * (parts - 1) : share
                let first = Self.seed &+ UInt64(p * share)
                group.addTask { Self.run(first: first, count: count, start: start, files: files, table: table) }
            }
            var sum = Part()
            for await part in group {
                sum.walks += part.walks
                sum.keys += part.keys
                sum.checks += part.checks
                sum.failures += part.failures
            }
            return sum
        }
        let elapsed = clock.now - began
        print(
            "random walk: \(total.walks) walks from seed \(Self.seed), \(total.keys) keys, \(total.checks) invariant checks, "
                + "\(total.failures.count) failing, \(elapsed)")
        #expect(total.walks == Self.walks)
        #expect(total.keys >= Self.walks * Self.keys, "every walk presses at least \(Self.keys) keys")
        for failure in total.failures {
            print(failure)
            Issue.record(Comment(rawValue: failure))
        }
    }

    @Test func lineModeEndsEachWalkInTheSameStateAsCurses() throws {
        let (start, host) = try RandomWalk.prelude()
        let count = max(1, Self.walks / 40)
        var compared = 0
        for i in 0..<UInt64(count) {
            let seed = Self.seed &+ 1_000_000 &+ i
            let curses = RandomWalk.walk(from: start, host: host.copy(), seed: seed, keys: Self.keys, lineMode: true)
            #expect(curses.failure == nil, "seed \(seed): \(curses.failure ?? "")")
            let line = RandomWalk.lineRun(from: start, host: host.copy(), rules: curses.rules, curses: curses.starts)
            if let difference = Invariants.sameMeaning(curses: curses.state, line: line) {
                Issue.record("seed \(seed), rules \(curses.rules.map(\.description).joined(separator: " · ")): \(difference)")
                break
            }
            compared += 1
        }
        print("line mode: \(compared) walks replayed, the same final state as curses")
        #expect(compared == count)
    }

    @Test func aFailingWalkIsShrunkToItsShortestRules() throws {
        // A store that says "saved" and keeps nothing breaks the persistence invariant at the
        // first change: the shrinker must bring a long walk down to that one rule.
        let (start, host) = try RandomWalk.prelude()
        let long: [RandomWalk.Rule] = [
            .move(1), .toggleHidden, .filter("care"), .clearFilter, .move(1), .rate(.level3), .move(1), .toggleHidden,
        ]
        let fine = RandomWalk.walk(from: start, host: host.copy(), seed: 0, keys: .max, rules: long)
        #expect(fine.failure == nil, "the walk passes on a working store: \(fine.failure ?? "")")
        let broken = host.copy()
        broken.lose = true
        #expect(RandomWalk.walk(from: start, host: broken.copy(), seed: 0, keys: .max, rules: long).failure != nil)
        let shrunk = RandomWalk.shrink(long, from: start, store: broken)
        #expect(shrunk.rules == [.rate(.level3)])
        #expect(shrunk.failure?.contains("the store holds another version") == true)
    }
}
