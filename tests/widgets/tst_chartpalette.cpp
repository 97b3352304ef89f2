#include <cmath>

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QTest>

#include "widgets/dashboard/chartpalette.h"

using namespace mailtls;
using Role = ChartPalette::Role;

namespace {

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::WindowText, Qt::black);
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    return p;
}

// Viénot, Brettel and Mollon's simulation of dichromat vision (linear RGB).
double linear(double c)
{
    c /= 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

struct Rgb { double r, g, b; };

Rgb simulate(const QColor &c, int kind)
{
    const double r = linear(c.red()), g = linear(c.green()), b = linear(c.blue());
    switch (kind) {
    case 1: // protanopia
        return {0.11238 * r + 0.88762 * g, 0.11238 * r + 0.88762 * g, 0.00401 * r - 0.00401 * g + b};
    case 2: // deuteranopia
        return {0.29275 * r + 0.70725 * g, 0.29275 * r + 0.70725 * g, -0.02234 * r + 0.02234 * g + b};
    case 3: // tritanopia
        return {r + 0.1274 * g - 0.1274 * b, 0.8727 * g + 0.1273 * b, 0.8727 * g + 0.1273 * b};
    default:
        return {r, g, b};
    }
}

double distance(const QColor &a, const QColor &b, int kind)
{
    const Rgb x = simulate(a, kind), y = simulate(b, kind);
    return std::sqrt((x.r - y.r) * (x.r - y.r) + (x.g - y.g) * (x.g - y.g) + (x.b - y.b) * (x.b - y.b));
}

} // namespace

class TestChartPalette : public QObject
{
    Q_OBJECT

private slots:
    void tellsLightFromDark()
    {
        QVERIFY(!ChartPalette::isDark(lightPalette()));
        QVERIFY(ChartPalette::isDark(darkPalette()));
    }

    void theRolesHaveFixedColours()
    {
        QCOMPARE(ChartPalette::color(Role::Encrypted, lightPalette()), QColor(0x00, 0x72, 0xb2));
        QCOMPARE(ChartPalette::color(Role::Plaintext, lightPalette()), QColor(0xe6, 0x9f, 0x00));
        QCOMPARE(ChartPalette::color(Role::Failure, lightPalette()), QColor(0xd5, 0x5e, 0x00));
        QCOMPARE(ChartPalette::color(Role::Encrypted, darkPalette()), QColor(0x56, 0xb4, 0xe9));
    }

    // Encrypted stays apart from plaintext and failure for every kind of
    // dichromacy, in both palettes; plaintext and failure (close in hue for
    // some viewers) are told apart by their texture.
    void encryptedStaysDistinctForColourBlindViewers_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<int>("kind");
        const char *const kinds[] = {"normal", "protanopia", "deuteranopia", "tritanopia"};
        for (bool dark : {false, true})
            for (int kind = 0; kind < 4; ++kind)
                QTest::addRow("%s %s", dark ? "dark" : "light", kinds[kind]) << dark << kind;
    }

    void encryptedStaysDistinctForColourBlindViewers()
    {
        QFETCH(bool, dark);
        QFETCH(int, kind);
        const QPalette palette = dark ? darkPalette() : lightPalette();
        const QColor encrypted = ChartPalette::color(Role::Encrypted, palette);
        QVERIFY(distance(encrypted, ChartPalette::color(Role::Plaintext, palette), kind) > 0.25);
        QVERIFY(distance(encrypted, ChartPalette::color(Role::Failure, palette), kind) > 0.2);
        // Every role stands out from the background.
        for (Role role : {Role::Encrypted, Role::Plaintext, Role::Failure, Role::Neutral})
            QVERIFY(distance(ChartPalette::color(role, palette), palette.color(QPalette::Window), kind) > 0.15);
    }

    void plaintextAndFailureCarryDifferentTextures()
    {
        const QPalette palette = lightPalette();
        QCOMPARE(ChartPalette::brush(Role::Encrypted, palette).style(), Qt::SolidPattern);
        const QBrush plain = ChartPalette::brush(Role::Plaintext, palette);
        const QBrush failure = ChartPalette::brush(Role::Failure, palette);
        QCOMPARE(plain.style(), Qt::TexturePattern);
        QCOMPARE(failure.style(), Qt::TexturePattern);
        const QImage p = plain.textureImage();
        const QImage f = failure.textureImage();
        QCOMPARE(p.size(), QSize(8, 8));
        // The tile keeps the role's colour in its corners away from the lines…
        QCOMPARE(QColor(p.pixel(0, 0)), ChartPalette::color(Role::Plaintext, palette));
        // …and the crossed failure texture differs from the single diagonal.
        QVERIFY(QColor(f.pixel(0, 0)) != ChartPalette::color(Role::Failure, palette));
    }
};

QTEST_MAIN(TestChartPalette)
#include "tst_chartpalette.moc"
