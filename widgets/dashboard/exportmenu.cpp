#include "widgets/dashboard/exportmenu.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSvgGenerator>
#include <QToolButton>

#include "models/report/csvfile.h"

namespace mailtls {

ExportMenu::ExportMenu(const QString &baseName, QWidget *parent)
    : QMenu(parent)
    , m_baseName(baseName)
{
    m_csvAction = addAction(tr("Export &CSV…"), this, [this] {
        const QString path = askPath(tr("Export CSV"), QStringLiteral("csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !CsvFile::write(path, m_csv(), &error))
            report(error);
    });
    m_pngAction = addAction(tr("Save as &PNG…"), this, [this] {
        const QString path = askPath(tr("Save as PNG"), QStringLiteral("png"), tr("PNG images (*.png)"));
        QString error;
        if (!path.isEmpty() && !writePng(m_picture, path, &error))
            report(error);
    });
    m_svgAction = addAction(tr("Save as &SVG…"), this, [this] {
        const QString path = askPath(tr("Save as SVG"), QStringLiteral("svg"), tr("SVG images (*.svg)"));
        QString error;
        if (!path.isEmpty() && !writeSvg(m_picture, m_baseName, path, &error))
            report(error);
    });
    addSeparator();
    m_copyAction = addAction(tr("C&opy"), this, [this] { copy(m_csv ? m_csv() : QString(), m_picture); });
    updateActions();
}

void ExportMenu::setCsv(std::function<QString()> csv)
{
    m_csv = std::move(csv);
    updateActions();
}

void ExportMenu::setPicture(QWidget *widget)
{
    m_picture = widget;
    updateActions();
}

void ExportMenu::updateActions()
{
    m_csvAction->setVisible(bool(m_csv));
    m_pngAction->setVisible(!m_picture.isNull());
    m_svgAction->setVisible(!m_picture.isNull());
    m_copyAction->setVisible(bool(m_csv) || !m_picture.isNull());
}

QToolButton *ExportMenu::createButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(tr("Export"));
    button->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMenu(this);
    button->setAutoRaise(true);
    button->setToolTip(tr("Export this data as CSV, the picture as PNG or SVG, or copy both"));
    button->setAccessibleName(tr("Export %1").arg(m_baseName));
    return button;
}

QString ExportMenu::askPath(const QString &title, const QString &suffix, const QString &filter)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    QFileDialog dialog(parentWidget(), title, QDir(folder).filePath(m_baseName + QLatin1Char('.') + suffix), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    return dialog.selectedFiles().constFirst();
}

void ExportMenu::report(const QString &error)
{
    QMessageBox::warning(parentWidget(), tr("Export failed"), error);
}

bool ExportMenu::writePng(QWidget *widget, const QString &path, QString *error)
{
    if (!widget) {
        *error = tr("There is no picture to save.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !widget->grab().save(&file, "PNG") || !file.commit()) {
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool ExportMenu::writeSvg(QWidget *widget, const QString &title, const QString &path, QString *error)
{
    if (!widget) {
        *error = tr("There is no picture to save.");
        return false;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(widget->size());
    generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
    generator.setTitle(title);
    generator.setDescription(tr("Exported from MailTLS"));
    {
        QPainter painter(&generator);
        widget->render(&painter);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.data().size()
        || !file.commit()) {
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ExportMenu::copy(const QString &csv, QWidget *widget)
{
    auto *data = new QMimeData;
    if (!csv.isEmpty()) {
        data->setData(QStringLiteral("text/csv"), csv.toUtf8());
        data->setText(csv);
    }
    if (widget)
        data->setImageData(widget->grab().toImage());
    QApplication::clipboard()->setMimeData(data);
}

} // namespace mailtls
