extension String {
    /// A string of these scalars, encoded in one pass: far cheaper than appending them one
    /// by one to a `String.UnicodeScalarView`, which the text code would otherwise do for
    /// every word of every sentence.
    init<Scalars: Collection<Unicode.Scalar>>(scalars: Scalars) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
