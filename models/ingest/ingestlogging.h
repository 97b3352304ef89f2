#pragma once

#include <QLoggingCategory>

// Debug output of reading logs: QT_LOGGING_RULES="mailtls.ingest.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcIngest)
