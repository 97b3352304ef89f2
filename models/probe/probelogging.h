#pragma once

#include <QLoggingCategory>

// Probe activity (DNS, SMTP sessions, TLS handshakes): QT_LOGGING_RULES="mailtls.probe.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcProbe)
