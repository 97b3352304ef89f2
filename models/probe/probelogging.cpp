#include "models/probe/probelogging.h"

Q_LOGGING_CATEGORY(lcProbe, "mailtls.probe", QtWarningMsg)
