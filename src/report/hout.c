/* hout: buffered page output. */
#include "report/hout.h"

#include <errno.h>

void hout_init(struct hout *o, FILE *fp)
{
	strbuf_init(&o->sb, HOUT_CHUNK + HOUT_CHUNK / 4);
	o->fp = fp;
	o->failed = 0;
}

void hout_flush(struct hout *o)
{
	if (o->sb.len && fwrite(o->sb.buf, 1, o->sb.len, o->fp) != o->sb.len && !o->failed)
		o->failed = errno ? errno : EIO;
	strbuf_reset(&o->sb);
}

int hout_finish(struct hout *o)
{
	hout_flush(o);
	if ((fflush(o->fp) != 0 || ferror(o->fp)) && !o->failed)
		o->failed = errno ? errno : EIO;
	strbuf_release(&o->sb);
	if (!o->failed)
		return 0;
	errno = o->failed;
	return -1;
}
