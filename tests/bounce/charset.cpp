// Notices in other languages and charsets: the declared charset is decoded
// before phrases are matched (charset.hpp), each from a minimal notice
// written for this test.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include <smtpcodes/bounce/charset.hpp>
#include <smtpcodes/bounce/message.hpp>

using smtpcodes::BounceReason;
using smtpcodes::Charset;
using namespace std::string_view_literals;

TEST_CASE("phrase families match in other languages once the charset is decoded") {
  struct Row {
    std::string_view kind;
    std::string_view charset;
    std::string_view sentence;  // in that charset
    BounceReason reason;
  };
  const Row rows[] = {
      {"Japanese, ISO-2022-JP", "iso-2022-jp", "\x1B$B$3$N%\x22%I%l%9$OB8:_$7$^$;$s!#\x1B(B"sv,
       BounceReason::unknown_recipient},  // このアドレスは存在しません。
      {"Japanese, Shift_JIS", "shift_jis",
       "\x83\x81\x81[\x83\x8B\x83{\x83"
       "b\x83N\x83X\x82\xAA\x82\xA2\x82\xC1\x82\xCF\x82\xA2\x82\xC5\x82\xB7\x81"
       "B"sv,
       BounceReason::mailbox_full},  // メールボックスがいっぱいです。
      {"Japanese, EUC-JP", "euc-jp",
       "\xB0\xB8\xC0\xE8\xC9\xD4\xCC\xC0\xA4\xCE\xA4\xBF\xA4\xE1\xC7\xDB\xBF\xAE\xA4\xC7\xA4\xAD\xA4\xDE\xA4\xBB\xA4\xF3\xA1\xA3"sv,
       BounceReason::unknown_recipient},  // 宛先不明のため配信できません。
      {"Japanese, UTF-8", "utf-8",
       "\xE5\x8F\x97\xE4\xBF\xA1\xE6\x8B\x92\xE5\x90\xA6\xE3\x81\x95\xE3\x82\x8C\xE3\x81\xBE\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82"sv,
       BounceReason::blocked},  // 受信拒否されました。
      {"Russian, KOI8-R", "koi8-r",
       "\xF0\xCF\xCC\xD8\xDA\xCF\xD7\xC1\xD4\xC5\xCC\xD8 \xCE\xC5 \xCE\xC1\xCA\xC4\xC5\xCE."sv,
       BounceReason::unknown_recipient},  // Пользователь не найден.
      {"Russian, windows-1251", "windows-1251",
       "\xCF\xEE\xF7\xF2\xEE\xE2\xFB\xE9 \xFF\xF9\xE8\xEA \xEF\xE5\xF0\xE5\xEF\xEE\xEB\xED\xE5\xED."sv,
       BounceReason::mailbox_full},  // Почтовый ящик переполнен.
      {"German, ISO-8859-1", "iso-8859-1", "Der Empf\xE4nger unbekannt."sv,
       BounceReason::unknown_recipient},  // Der Empfänger unbekannt.
      {"French, windows-1252", "windows-1252", "Bo\xEEte aux lettres pleine."sv,
       BounceReason::mailbox_full},  // Boîte aux lettres pleine.
      {"Spanish, ISO-8859-15", "iso-8859-15", "Buz\xF3n lleno."sv, BounceReason::mailbox_full},  // Buzón lleno.
      {"Portuguese, ISO-8859-1", "iso-8859-1", "Usu\xE1rio desconhecido."sv,
       BounceReason::unknown_recipient},                                                      // Usuário desconhecido.
      {"Italian, UTF-8", "utf-8", "Utente sconosciuto."sv, BounceReason::unknown_recipient},  // Utente sconosciuto.
      // Whole sentences of localized notices, the domain before the mailbox.
      {"German sentence, ISO-8859-1", "iso-8859-1", "Das Postfach des Empf\xE4ngers ist voll."sv,
       BounceReason::mailbox_full},
      {"German compound, UTF-8", "utf-8", "Die Empf\xC3\xA4ngeradresse existiert nicht."sv,
       BounceReason::unknown_recipient},
      {"German domain, UTF-8", "utf-8", "Die Domain existiert nicht."sv, BounceReason::unknown_domain},
      {"German size, UTF-8", "utf-8", "Die Nachricht ist zu gro\xC3\x9F."sv, BounceReason::message_too_large},
      {"French address, UTF-8", "utf-8",
       "L\xE2\x80\x99"
       "adresse e-mail n\xE2\x80\x99"
       "existe pas."sv,
       BounceReason::unknown_recipient},
      {"French inbox, windows-1252", "windows-1252",
       "La bo\xEEte de r\xE9"
       "ception du destinataire est pleine."sv,
       BounceReason::mailbox_full},
      {"French domain, UTF-8", "utf-8", "Le domaine n'existe pas."sv, BounceReason::unknown_domain},
      {"Spanish inbox, ISO-8859-1", "iso-8859-1", "El buz\xF3n est\xE1 lleno."sv, BounceReason::mailbox_full},
      {"Spanish domain, UTF-8", "utf-8", "Dominio inexistente."sv, BounceReason::unknown_domain},
      {"Portuguese size, UTF-8", "utf-8", "Mensagem muito grande."sv, BounceReason::message_too_large},
      {"Italian inbox, UTF-8", "utf-8", "La casella di posta \xC3\xA8 piena."sv, BounceReason::mailbox_full},
      {"Russian no such user, UTF-8", "utf-8",
       "\xD0\x9D\xD0\xB5\xD1\x82 \xD1\x82\xD0\xB0\xD0\xBA\xD0\xBE\xD0\xB3\xD0\xBE "
       "\xD0\xBF\xD0\xBE\xD0\xBB\xD1\x8C\xD0\xB7\xD0\xBE\xD0\xB2\xD0\xB0\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8F."sv,
       BounceReason::unknown_recipient},  // Нет такого пользователя.
  };
  for (const Row& row : rows) {
    CAPTURE(row.kind);
    std::string message =
        "From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n"
        "Content-Type: text/plain; charset=";
    message += row.charset;
    message += "\n\n<someone@example.com>: 550 ";
    message += row.sentence;
    message += "\n";
    BounceReason reason = BounceReason::unknown;
    smtpcodes::for_each_bounce_recipient(message,
                                         [&reason](const smtpcodes::BounceRecipient& r) { reason = r.verdict.reason; });
    CHECK(smtpcodes::name(reason) == smtpcodes::name(row.reason));
  }
}

TEST_CASE("charset names and decoding") {
  CHECK(smtpcodes::charset_of("ISO-2022-JP") == Charset::iso_2022_jp);
  CHECK(smtpcodes::charset_of("Shift_JIS") == Charset::shift_jis);
  CHECK(smtpcodes::charset_of("koi8-r") == Charset::koi8_r);
  CHECK(smtpcodes::charset_of("utf-8") == Charset::as_is);
  char out[8]{};
  // KOI8-R 0xF0 0xD2 is "Пр": two bytes of UTF-8 each.
  const auto decoded = smtpcodes::decode_charset("\xF0\xD2", Charset::koi8_r, out, sizeof out);
  CHECK(std::string_view(out, decoded.written) == "\xD0\x9F\xD1\x80"sv);
  CHECK_FALSE(decoded.truncated);
  // A character never splits: three bytes of room hold one Cyrillic letter.
  const auto cut = smtpcodes::decode_charset("\xF0\xD2", Charset::koi8_r, out, 3);
  CHECK(cut.written == 2);
  CHECK(cut.truncated);
}

TEST_CASE("a text longer, decoded, than max_decoded_diagnostic says so") {
  std::string message =
      "From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\nContent-Type: text/plain; charset=koi8-r\n\n"
      "<someone@example.com>: 550 ";
  message.append(smtpcodes::max_decoded_diagnostic, '\xF0');
  message += "\n";
  bool truncated = false;
  smtpcodes::for_each_bounce_recipient(
      message, [&truncated](const smtpcodes::BounceRecipient& r) { truncated = r.decoded_text_truncated; });
  CHECK(truncated);
}

TEST_CASE("a Diagnostic-Code in ISO-2022-JP is decoded although the delivery-status part names no charset") {
  // "<name> は Domino ディレクトリには見つかりません。" in ISO-2022-JP; the text
  // part's charset is not declared, so only the escape sequences tell.
  const std::string_view diagnostic =
      "Neko (someone@example.jp) \x1B$B$O\x1B(B Domino \x1B$B%G%#%l%/%H%j$K$O8+$D$+$j$^$;$s!#\x1B(B"sv;
  std::string message =
      "From: MAILER-DAEMON@example.org\nSubject: DELIVERY FAILURE\nMIME-Version: 1.0\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nYour message was not delivered.\n\n"
      "--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
      "Final-Recipient: rfc822; someone@example.jp\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: X-Notes; ";
  message += diagnostic;
  message += "\n\n--b--\n";
  BounceReason reason = BounceReason::unknown;
  std::string_view reported;
  smtpcodes::for_each_bounce_recipient(message, [&](const smtpcodes::BounceRecipient& r) {
    reason = r.verdict.reason;
    reported = r.diagnostic;
  });
  CHECK(smtpcodes::name(reason) == "unknown_recipient"sv);
  CHECK(reported == diagnostic);  // the row keeps the text as it was sent
}
