/* Non-text input: each magic number, the byte shares, and what must still pass as text. */
#include <string.h>

#include "parse/nontext.h"
#include "unit.h"

/* The verdict on len bytes at buf: NULL for text, else what it looks like. */
static const char *verdict(const char *buf, size_t len, struct nontext *nt)
{
	return nontext_check(buf, len, nt) ? nt->looks_like : NULL;
}

#define LOOKS(bytes, want)                                                                 \
	do {                                                                               \
		struct nontext nt;                                                         \
		const char *got = verdict(bytes, sizeof(bytes) - 1, &nt);                  \
		ck_assert_ptr_nonnull(got);                                                \
		ck_assert_str_eq(got, want);                                               \
		ck_assert_ptr_nonnull(nt.convert_with);                                    \
	} while (0)

START_TEST(pdf_is_refused_and_pdftotext_named)
{
	struct nontext nt;
	static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n";
	ck_assert_int_eq(nontext_check(pdf, sizeof(pdf) - 1, &nt), 1);
	ck_assert_str_eq(nt.looks_like, "a PDF");
	ck_assert_str_eq(nt.convert_with, "pdftotext");
}
END_TEST

START_TEST(gzip_is_refused)
{
	LOOKS("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "a gzip file");
}
END_TEST

START_TEST(zip_docx_and_xlsx_are_told_apart)
{
	LOOKS("PK\x03\x04\x14\x00\x00\x00\x08\x00notes.txt", "a zip archive");
	LOOKS("PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml....PK\x03\x04word/document.xml",
	      "a Word document");
	LOOKS("PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml....PK\x03\x04xl/workbook.xml",
	      "an Excel workbook");
	LOOKS("PK\x05\x06\x00\x00\x00\x00", "a zip archive");
}
END_TEST

START_TEST(png_jpeg_and_gif_are_refused)
{
	LOOKS("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image");
	LOOKS("\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image");
	LOOKS("GIF87a\x01\x00\x01\x00", "a GIF image");
	LOOKS("GIF89a\x01\x00\x01\x00", "a GIF image");
}
END_TEST

START_TEST(elf_and_sqlite_are_refused)
{
	LOOKS("\x7f" "ELF\x02\x01\x01\x00", "an ELF program");
	LOOKS("SQLite format 3\x00\x10\x00", "an SQLite database");
}
END_TEST

START_TEST(other_compressors_and_old_office_files_are_refused)
{
	LOOKS("BZh91AY&SY\x01\x02", "a bzip2 file");
	LOOKS("\xfd" "7zXZ\x00\x00\x04", "an xz file");
	LOOKS("\x28\xb5\x2f\xfd\x04\x00", "a zstd file");
	LOOKS("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "an old Word or Excel file");
}
END_TEST

START_TEST(utf16_is_refused_with_or_without_bom)
{
	LOOKS("\xff\xfeT\x00i\x00t\x00l\x00e\x00", "UTF-16 text");
	char le[200];
	for (size_t i = 0; i < sizeof(le); i++)
		le[i] = i % 2 ? '\0' : "Gunmen attacked "[i / 2 % 16];
	struct nontext nt;
	ck_assert_int_eq(nontext_check(le, sizeof(le), &nt), 1);
	ck_assert_str_eq(nt.looks_like, "UTF-16 text");
}
END_TEST

START_TEST(random_bytes_are_binary_data)
{
	char buf[4096];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof(buf); i++) {
		x = x * 1103515245u + 12345u;
		buf[i] = (char)(x >> 16);
	}
	struct nontext nt;
	ck_assert_int_eq(nontext_check(buf, sizeof(buf), &nt), 1);
	ck_assert_ptr_nonnull(strstr(nt.looks_like, "binary data"));
	ck_assert_str_eq(nt.convert_with, "strings");
}
END_TEST

START_TEST(another_encoding_is_refused_by_its_share_of_invalid_bytes)
{
	/* Cyrillic in a single-byte code page: nearly every letter is an invalid UTF-8 byte. */
	char buf[300];
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (char)(i % 7 == 6 ? ' ' : 0xC0 + i % 32);
	struct nontext nt;
	ck_assert_int_eq(nontext_check(buf, sizeof(buf), &nt), 1);
	ck_assert_ptr_nonnull(strstr(nt.looks_like, "another encoding"));
}
END_TEST

START_TEST(articles_with_a_little_damage_still_pass)
{
	struct nontext nt;
	static const char *const texts[] = {
		"Title: Plain\n\nGunmen attacked a checkpoint in Kano on Monday.\n",
		"A NUL\000byte in an otherwise ordinary sentence about a clash near Goma.",
		"Caf\xe9 owners in Bogot\xe1 said gunmen attacked on Monday, the police said.",
		"Form feed\f between pages\f of a wire report.\x1b",
		"\xef\xbb\xbfWith a BOM: \xe2\x80\x9cquoted\xe2\x80\x9d and \xd9\x82\xd8\xaa\xd8\xa7\xd9\x84",
		"PK: a Pakistani outlet's abbreviation at the start of a line.",
		"GIF is an image format; this article mentions it first.",
		"",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		size_t len = strlen(texts[i]);
		if (i == 1) /* past its NUL */
			len += 1 + strlen(texts[i] + len + 1);
		ck_assert_msg(nontext_check(texts[i], len, &nt) == 0, "text %zu refused", i);
	}
}
END_TEST

Suite *suite_nontext(void)
{
	Suite *s = suite_create("nontext");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, pdf_is_refused_and_pdftotext_named);
	tcase_add_test(tc, gzip_is_refused);
	tcase_add_test(tc, zip_docx_and_xlsx_are_told_apart);
	tcase_add_test(tc, png_jpeg_and_gif_are_refused);
	tcase_add_test(tc, elf_and_sqlite_are_refused);
	tcase_add_test(tc, other_compressors_and_old_office_files_are_refused);
	tcase_add_test(tc, utf16_is_refused_with_or_without_bom);
	tcase_add_test(tc, random_bytes_are_binary_data);
	tcase_add_test(tc, another_encoding_is_refused_by_its_share_of_invalid_bytes);
	tcase_add_test(tc, articles_with_a_little_damage_still_pass);
	suite_add_tcase(s, tc);
	return s;
}
