#pragma once

#include <QLoggingCategory>

// Keychain and askpass activity (never a secret): QT_LOGGING_RULES="mailtls.secrets.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
