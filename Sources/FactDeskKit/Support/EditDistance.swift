/// The number of single-character edits (insert, delete, replace) that turn one word into
/// another, or nil when it is more than `limit`.
///
/// Used to suggest the word a person meant ("did you mean 'verified'?"), on words that can
/// come from a hostile file or command line: the work is bounded by the limit, never by the
/// product of the two lengths. Words whose lengths differ by more than the limit are
/// rejected at once, and only the band of cells within `limit` of the diagonal is filled.
public func editDistance(_ lhs: String, _ rhs: String, limit: Int) -> Int? {
    let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
    guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    let beyond = limit + 1
    var previous = (0...b.count).map { min($0, beyond) }
    var current = [Int](repeating: beyond, count: b.count + 1)
    for i in 1...a.count {
        let low = max(1, i - limit), high = min(b.count, i + limit)
        current[0] = min(i, beyond)
        if low > 1 { current[low - 1] = beyond }
        var best = current[0]
        for j in low...high {
            let replace = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, replace, beyond)
            best = min(best, current[j])
        }
        if high < b.count { current[high + 1] = beyond }
        // Every path to the last cell passes through this row: past the limit here, past it there.
        if best > limit { return nil }
        swap(&previous, &current)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
}

/// The candidate spelt most like `word`, at most `limit` edits away; the first of equals.
public func closestWord(to word: String, in candidates: [String], limit: Int) -> String? {
    var best: (word: String, distance: Int)?
    for candidate in candidates {
        let bound = min(limit, (best?.distance ?? limit + 1) - 1)
        if let distance = editDistance(word, candidate, limit: bound) {
            best = (candidate, distance)
            if distance == 0 { break }
        }
    }
    return best?.word
}
