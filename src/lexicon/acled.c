/* acled: reads acled.tsv into a table indexed by enum acled_sub, once per process. */
#include "lexicon/acled.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "io/tsv.h"
#include "lexicon/embedded.h"

#define ACLED_HEADER "id,event_type,sub_event_type,classes,cameo"

static const char *const sub_ids[SUB_COUNT] = {
#define ACLED_SUB_STRING(id) #id,
	ACLED_SUBS(ACLED_SUB_STRING)
#undef ACLED_SUB_STRING
};

/* The type names as ACLED writes them, in enum acled_type order. */
static const char *const type_names[TYPE_COUNT] = {
	"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
	"Strategic developments"
};

static struct acled_sub_def subs[SUB_COUNT];
static int default_sub[EC_COUNT];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int load_status;

static int sub_row(void *ctx, char **f, size_t n, unsigned long line)
{
	(void)ctx;
	(void)n;
	int sub = -1, type = -1;
	for (int i = 0; i < SUB_COUNT; i++)
		if (!strcmp(f[0], sub_ids[i]))
			sub = i;
	for (int i = 0; i < TYPE_COUNT; i++)
		if (!strcmp(f[1], type_names[i]))
			type = i;
	if (sub < 0 || type < 0)
		return error("src/data/acled.tsv:%lu: unknown %s '%s'", line, sub < 0 ? "sub-type id" : "event type",
			     sub < 0 ? f[0] : f[1]);
	subs[sub].id = sub_ids[sub];
	subs[sub].type = (enum acled_type)type;
	subs[sub].event_type = type_names[type];
	subs[sub].sub_event_type = xstrdup(f[2]);
	subs[sub].cameo = xstrdup(f[4]);
	for (const char *p = f[3]; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		char name[32];
		snprintf(name, sizeof(name), "%.*s", (int)len, p);
		int cls = ev_class_from_name(name);
		if (cls < 0)
			return error("src/data/acled.tsv:%lu: unknown class '%s'", line, name);
		default_sub[cls] = sub;
		p += len + (bar != NULL);
	}
	return 0;
}

static void load_once(void)
{
	const struct embedded_file *ef = embedded_find("src/data/acled.tsv");
	for (int c = 0; c < EC_COUNT; c++)
		default_sub[c] = -1;
	if (!ef || tsv_parse(ef->data, ef->len, ef->name, ACLED_HEADER, sub_row, NULL) != 0) {
		load_status = -1;
		return;
	}
	for (int i = 0; i < SUB_COUNT; i++)
		if (!subs[i].id) {
			load_status = error("src/data/acled.tsv: no row for sub-type '%s'", sub_ids[i]);
			return;
		}
	for (int c = 0; c < EC_COUNT; c++)
		if (default_sub[c] < 0) {
			load_status = error("src/data/acled.tsv: no sub-type for class %s",
					    ev_class_name((enum ev_class)c));
			return;
		}
}

int acled_load(void)
{
	pthread_once(&once, load_once);
	return load_status;
}

const struct acled_sub_def *acled_sub(enum acled_sub sub)
{
	return &subs[sub];
}

enum acled_sub acled_default_sub(enum ev_class cls)
{
	return (enum acled_sub)default_sub[cls];
}

const char *acled_type_named(const char *name)
{
	for (int i = 0; i < TYPE_COUNT; i++)
		if (!strcmp(name, type_names[i]))
			return type_names[i];
	return NULL;
}
