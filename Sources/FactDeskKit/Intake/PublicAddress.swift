import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether an address leads to the public internet: what a fetch for others must check, so
/// that a feed's item or a reader's link cannot make the desk's server read its own network
/// (the cloud's metadata service, a database's web console, the desk itself).
enum PublicAddress {
    /// Resolves the address's host and refuses it when any of its addresses is not public.
    static func check(_ address: String) async throws {
        guard let host = URL(string: address)?.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), !host.isEmpty else {
            throw FetchError.badAddress(address)
        }
        let addresses = try await resolve(host, address: address)
        if let refused = addresses.first(where: { !isPublic($0) }) {
            throw FetchError.privateAddress(address: address, ip: refused)
        }
    }

    /// The IP addresses a host name resolves to (the host itself when it is one).
    private static func resolve(_ host: String, address: String) async throws -> [String] {
        try await Task.detached {
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else {
                throw FetchError.unreachable(address: address, reason: "its host \(host) does not resolve")
            }
            defer { freeaddrinfo(first) }
            var found: [String] = []
            var node: UnsafeMutablePointer<addrinfo>? = first
            while let entry = node {
                var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 {
                    found.append(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                }
                node = entry.pointee.ai_next
            }
            return found
        }.value
    }

    /// Whether an IPv4 or IPv6 address (as text) is on the public internet.
    static func isPublic(_ ip: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, ip, &v4) == 1 {
            let b = withUnsafeBytes(of: v4.s_addr) { Array($0) }
            return isPublicV4(b)
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, ip.split(separator: "%").first.map(String.init) ?? ip, &v6) == 1 else { return false }
        let b = withUnsafeBytes(of: v6) { Array($0) }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return isPublicV4(Array(b[12..<16])) }   // ::ffff:a.b.c.d
        if b.allSatisfy({ $0 == 0 }) || (b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1) { return false }                 // :: and ::1
        if b[0] & 0xFE == 0xFC { return false }                  // fc00::/7, unique local
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return false }  // fe80::/10, link-local
        if b[0] == 0xFF { return false }                         // multicast
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return false }  // 2001:db8::/32, documentation
        if b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B { return isPublicV4(Array(b[12..<16])) }  // 64:ff9b::/96
        return true
    }

    private static func isPublicV4(_ b: [UInt8]) -> Bool {
        switch (b[0], b[1]) {
        case (0, _), (10, _), (127, _): return false
        case (100, 64...127): return false        // shared address space (carrier NAT)
        case (169, 254): return false             // link-local, cloud metadata
        case (172, 16...31): return false
        case (192, 168): return false
        case (192, 0) where b[2] == 0 || b[2] == 2: return false
        case (198, 18...19): return false         // benchmarking
        case (198, 51) where b[2] == 100: return false
        case (203, 0) where b[2] == 113: return false
        case (224...255, _): return false         // multicast, reserved, broadcast
        default: return true
        }
    }
}

