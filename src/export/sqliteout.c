/* sqliteout: one transaction, one prepared INSERT per table. */
#include "export/sqliteout.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io/json.h"
#include "base/strbuf.h"
#include "base/util.h"

struct stable {
	char *name;
	const struct column *cols;
	size_t n_cols;
	sqlite3_stmt *insert;
};

struct sqliteout {
	sqlite3 *db;
	struct stable *tables;
	size_t n;
	int failed;
};

static int exec(struct sqliteout *s, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error("sqlite: %s", msg ? msg : "error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

struct sqliteout *sqliteout_open(const char *path)
{
	struct sqliteout *s = xcalloc(1, sizeof(*s));
	unlink(path); /* a fresh database, not rows appended to an old one */
	if (sqlite3_open(path, &s->db) != SQLITE_OK) {
		error("cannot create database '%s': %s", path, sqlite3_errmsg(s->db));
		sqlite3_close(s->db);
		free(s);
		return NULL;
	}
	if (exec(s, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; BEGIN") < 0) {
		sqlite3_close(s->db);
		free(s);
		return NULL;
	}
	return s;
}

static const char *sql_type(const struct column *c)
{
	switch (c->type) {
	case COL_INTEGER: case COL_BOOLEAN: return "INTEGER";
	case COL_NUMBER: return "REAL";
	default: return "TEXT";
	}
}

/* Identifiers are quoted; table and column names come from schemas or record keys. */
static void quote_ident(struct strbuf *sb, const char *name)
{
	strbuf_addch(sb, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *p);
	}
	strbuf_addch(sb, '"');
}

static int has_column(const struct column *cols, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(cols[i].name, name))
			return 1;
	return 0;
}

int sqliteout_table(struct sqliteout *s, const char *name, const struct column *cols, size_t n,
		    const char *key)
{
	struct strbuf sql = STRBUF_INIT;
	strbuf_addstr(&sql, "CREATE TABLE ");
	quote_ident(&sql, name);
	strbuf_addstr(&sql, " (");
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(&sql, ", ");
		quote_ident(&sql, cols[i].name);
		strbuf_addf(&sql, " %s", sql_type(&cols[i]));
		if (key && !strcmp(cols[i].name, key))
			strbuf_addstr(&sql, " PRIMARY KEY");
	}
	strbuf_addstr(&sql, ");");
	static const char *const indexed[] = { "doc_id", "event_date" };
	for (size_t k = 0; k < 2; k++) {
		if (!has_column(cols, n, indexed[k]))
			continue;
		strbuf_addf(&sql, " CREATE INDEX \"%s_%s\" ON ", name, indexed[k]);
		quote_ident(&sql, name);
		strbuf_addf(&sql, " (\"%s\");", indexed[k]);
	}
	int rc = exec(s, sql.buf);
	strbuf_reset(&sql);
	strbuf_addstr(&sql, "INSERT OR REPLACE INTO ");
	quote_ident(&sql, name);
	strbuf_addstr(&sql, " VALUES (");
	for (size_t i = 0; i < n; i++)
		strbuf_addstr(&sql, i ? ", ?" : "?");
	strbuf_addch(&sql, ')');
	sqlite3_stmt *st = NULL;
	if (rc == 0 && sqlite3_prepare_v2(s->db, sql.buf, -1, &st, NULL) != SQLITE_OK)
		rc = error("sqlite: %s", sqlite3_errmsg(s->db));
	strbuf_release(&sql);
	if (rc < 0)
		return -1;
	s->tables = xrealloc(s->tables, (s->n + 1) * sizeof(*s->tables));
	s->tables[s->n] = (struct stable){ xstrdup(name), cols, n, st };
	return (int)s->n++;
}

int sqliteout_row(struct sqliteout *s, int table, const struct jvalue *rec)
{
	struct stable *t = &s->tables[table];
	struct strbuf tmp = STRBUF_INIT;
	sqlite3_reset(t->insert);
	for (size_t i = 0; i < t->n_cols; i++) {
		const struct jvalue *v = json_get_path(rec, t->cols[i].name);
		int col = (int)i + 1;
		switch (json_kind(v)) {
		case JSON_NUMBER: {
			double d = json_number(v);
			if (t->cols[i].type == COL_INTEGER && d == (double)(long long)d)
				sqlite3_bind_int64(t->insert, col, (long long)d);
			else
				sqlite3_bind_double(t->insert, col, d);
			break;
		}
		case JSON_STRING:
			sqlite3_bind_text(t->insert, col, json_string(v), -1, SQLITE_TRANSIENT);
			break;
		case JSON_TRUE: case JSON_FALSE:
			sqlite3_bind_int(t->insert, col, json_kind(v) == JSON_TRUE);
			break;
		case JSON_ARRAY: case JSON_OBJECT:
			strbuf_reset(&tmp);
			json_print(v, &tmp);
			sqlite3_bind_text(t->insert, col, tmp.buf, (int)tmp.len, SQLITE_TRANSIENT);
			break;
		default:
			sqlite3_bind_null(t->insert, col);
		}
	}
	strbuf_release(&tmp);
	if (sqlite3_step(t->insert) != SQLITE_DONE) {
		s->failed = 1;
		return error("sqlite: %s", sqlite3_errmsg(s->db));
	}
	return 0;
}

int sqliteout_close(struct sqliteout *s)
{
	int rc = s->failed ? -1 : 0;
	for (size_t i = 0; i < s->n; i++) {
		sqlite3_finalize(s->tables[i].insert);
		free(s->tables[i].name);
	}
	free(s->tables);
	if (exec(s, "COMMIT") < 0)
		rc = -1;
	if (sqlite3_close(s->db) != SQLITE_OK)
		rc = error("sqlite: cannot close the database");
	free(s);
	return rc;
}
