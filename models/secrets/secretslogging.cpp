#include "models/secrets/secretslogging.h"

Q_LOGGING_CATEGORY(lcSecrets, "mailtls.secrets", QtWarningMsg)
