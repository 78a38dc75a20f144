extension TrainingReport {
    /// One case's ratings as a table of rows × responses, each response's ratings read once.
    /// A county-wide room has thousands of responses per case; looking every row up again in
    /// every response's dictionary, once per figure, was the largest part of building its report.
    struct CaseTable {
        /// Catalogue positions of the rows the model answer or any response rates, in catalogue order.
        var rows: [Int]
        /// `ratings[n][j]`: response `j`'s rating of `rows[n]`; nil where the response has none.
        var ratings: [[Rating?]]

        init(_ k: TrainingCase, responses: [TrainingResponse], rowIndex: [String: Int]) {
            let rowCount = rowIndex.count
            var grid = [[Rating?]](repeating: [Rating?](repeating: nil, count: responses.count), count: rowCount)
            var used = [Bool](repeating: false, count: rowCount)
            for r in k.modelAnswer.ratings {
                if let i = rowIndex[r.row] { used[i] = true }
            }
            for (j, response) in responses.enumerated() {
                for (id, rating) in response.ratings {
                    guard let i = rowIndex[id] else { continue }
                    grid[i][j] = rating
                    used[i] = true
                }
            }
            rows = used.indices.filter { used[$0] }
            ratings = rows.map { grid[$0] }
        }

        /// The levels given to the `n`th row, one per response (nil: not applicable or left).
        func levels(_ n: Int) -> [Int?] { ratings[n].map { $0?.level } }
    }
}
