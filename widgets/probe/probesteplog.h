#pragma once

#include <QTableView>

#include "models/probe/probetypes.h"

namespace mailtls {

class ProbeEventModel;

// The probes' steps as they happen, one line each (time, target, step, MX
// host, address, message). It follows the newest line while the user has not
// scrolled up to read an older one.
class ProbeStepLog final : public QTableView
{
    Q_OBJECT

public:
    explicit ProbeStepLog(QWidget *parent = nullptr);

    void append(int probeId, const QString &target, const ProbeEvent &event);
    void clear();
    ProbeEventModel *eventModel() const { return m_model; }

private:
    ProbeEventModel *m_model = nullptr;
};

} // namespace mailtls
