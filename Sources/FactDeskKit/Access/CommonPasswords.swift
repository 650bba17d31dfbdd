/// Passwords of ten characters or more that lists of leaked passwords rank among the most
/// used, lowercased. A password found here is refused whatever else it has.
enum CommonPasswords {
    static func contains(_ lowercased: String) -> Bool {
        list.contains(lowercased)
    }

    private static let list: Set<String> = [
        "1234567890", "0123456789", "0987654321", "12345678910", "123456789a", "1234567890a",
        "1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx3edc", "1qazxsw23edc", "qwertyuiop", "qwertyuiop123",
        "qwerty1234", "qwerty12345", "qwerty123456", "asdfghjkl1", "asdfghjkl;", "zxcvbnm123",
        "1111111111", "0000000000", "2222222222", "5555555555", "7777777777", "9999999999",
        "1212121212", "1231231231", "1122334455", "1234512345", "1234554321", "9876543210",
        "password12", "password123", "password1234", "password12345", "passw0rd123", "p@ssw0rd123",
        "password!1", "password01", "mypassword", "mypassword1", "passwordpassword",
        "iloveyou12", "iloveyou123", "iloveyou1234", "letmein123", "welcome123", "welcome1234",
        "welcome2024", "welcome2025", "welcome2026", "administrator", "admin12345", "admin123456",
        "adminadmin", "superman123", "batman1234", "football12", "football123", "baseball123",
        "basketball", "starwars12", "princess12", "sunshine12", "charlie123", "michael123",
        "jennifer12", "jordan2323", "liverpool1", "chelsea123", "arsenal123", "barcelona1",
        "realmadrid", "manchester", "trustno1234", "changeme123", "changeme12", "secret1234",
        "computer12", "internet12", "whatever12", "abcdefghij", "abcdefg123", "abc1234567",
        "abcd123456", "aa12345678", "a123456789", "q123456789", "zaq12wsxcde", "zaq1zaq1zaq1",
        "1qaz2wsx3e", "qazwsxedc1", "qazwsxedcrfv", "qweasdzxc1", "qwe123qwe123", "asd123asd1",
        "summer2024", "summer2025", "winter2024", "winter2025", "spring2025", "autumn2025",
        "factdesk123", "factdesk2026", "factchecker", "journalist", "newsroom123",
        "12qwaszx12", "147258369a", "1472583690", "3141592653", "7894561230", "1597534862",
        "a1b2c3d4e5", "aaaaaaaaaa", "qqqqqqqqqq", "iloveyouuu", "loveyou123", "monkey1234",
        "dragon1234", "shadow1234", "master1234", "killer1234", "hello12345", "freedom123",
        "١٢٣٤٥٦٧٨٩٠", "كلمةالسر123", "كلمة المرور", "كلمةالمرور",
    ]
}
