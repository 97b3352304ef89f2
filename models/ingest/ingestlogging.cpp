#include "models/ingest/ingestlogging.h"

Q_LOGGING_CATEGORY(lcIngest, "mailtls.ingest", QtWarningMsg)
