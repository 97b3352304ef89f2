#include "models/sources/remotefilescript.h"

namespace mailtls {

namespace {

// The shell's $0 in its error messages.
const QString scriptName = QStringLiteral("mailtls-follow");

const char scriptText[] = R"sh(LC_ALL=C
export LC_ALL
path=$1 want=$2 hash=$3 off=$4
case $path in /*) ;; *) path=./$path ;; esac
case $off in '' | *[!0-9]*) off=0 ;; esac
case $hash in [1-9]*-[cm]?*) ;; *) hash=- ;; esac
max=1048576
if command -v cksum >/dev/null 2>&1; then tool=c
elif command -v md5sum >/dev/null 2>&1; then tool=m
else tool=
fi
nap=0.2
sleep 0.01 2>/dev/null || nap=1

say() { printf '%s\n' "$*"; }
fail() { say "E $*"; exit "$code"; }

# The digest of the first $2 bytes of file $1: LENGTH-<tool><digest>, or "-".
digest() {
    if [ -z "$tool" ] || [ "$2" -le 0 ]; then echo -; return; fi
    if [ "$tool" = c ]; then set -- "$2" $(head -c "$2" <"$1" 2>/dev/null | cksum)
    else set -- "$2" $(head -c "$2" <"$1" 2>/dev/null | md5sum); fi
    echo "$1-$tool$2"
}
parse_hash() {
    if [ "$hash" = - ]; then hlen=0 htool=
    else hlen=${hash%%-*} htool=${hash#*-} htool=${htool%"${htool#?}"}
    fi
}
# 0: file $1 begins as the followed file did; 1: it does not; 2: cannot tell.
head_check() {
    [ "$hlen" -gt 0 ] && [ "$htool" = "$tool" ] || return 2
    [ "$(digest "$1" "$hlen")" = "$hash" ]
}
# Is file $1 (identity $2, size $3) the followed one, holding at least $off bytes?
is_old() {
    [ "$3" -ge "$off" ] || return 1
    head_check "$1"
    hc=$?
    [ "$hc" -ne 1 ] || return 1
    [ "$2" = "$want" ] || [ "$hc" -eq 0 ]
}
# A rotated sibling of the path that is the followed file: its name in $cand.
find_old() {
    for cand in "$path".[0-9]* "$path"-*; do
        case $cand in *.gz | *.bz2 | *.xz | *.zst | *.lz4 | *.Z) continue ;; esac
        [ -f "$cand" ] && [ -r "$cand" ] || continue
        set -- $(stat -L -c '%d:%i %s' "$cand" 2>/dev/null)
        [ -n "$2" ] && is_old "$cand" "$1" "$2" && return 0
    done
    return 1
}
check_path() {
    if [ ! -e "$path" ]; then
        # A folder on the way that may not be searched hides the file.
        case $(stat -L -c %i "$path" 2>&1 >/dev/null) in
        *'ermission denied'*) code=11 fail denied - ;;
        esac
        code=10 fail missing
    fi
    [ -f "$path" ] || { code=12 fail notfile; }
    if [ ! -r "$path" ]; then
        set -- $(stat -L -c '%A %G' "$path" 2>/dev/null)
        case $1 in ????r*) ;; *) set -- "$1" - ;; esac
        code=11 fail denied "${2:--}"
    fi
}
# Opens file $1 on descriptor 3: its identity in $id, its size in $fsize.
open_fd() {
    command exec 3<"$1" || { code=11 fail denied -; }
    set -- $(stat -L -c '%d:%i %s %Y' /proc/self/fd/3)
    id=$1 fsize=$2 mtime=$3
}
fd_pos() {
    p=
    while read -r k v; do
        if [ "$k" = pos: ]; then p=$v; break; fi
    done </proc/self/fdinfo/3
}
seek() {
    [ "$off" -gt 0 ] || return 0
    dd bs=65536 skip=$((off / 65536)) count=0 <&3 2>/dev/null
    r=$((off % 65536))
    [ "$r" -eq 0 ] || dd bs="$r" count=1 <&3 >/dev/null 2>/dev/null
}
# Starts the file at the path from its first byte.
open_path() {
    check_path
    open_fd "$path"
    off=0 n=$fsize
    [ "$n" -le 4096 ] || n=4096
    hash=$(digest /proc/self/fd/3 "$n")
    parse_hash
    want=$id
    say "F $id $hash 0"
}
# Starts file $1 at $off, the place the last run stopped.
resume() {
    open_fd "$1"
    seek
    want=$id
    say "F $id $hash $off"
}
# One D frame: up to $max bytes from $off. dd reads once, so the descriptor
# stays where the frame ends; a file cut meanwhile gives fewer bytes, padded
# so the frame keeps its length, and the count after them says how many count.
read_some() {
    n=$((fsize - off))
    [ "$n" -le "$max" ] || n=$max
    say "D $n $fsize $mtime"
    dd bs="$n" count=1 <&3 2>/dev/null
    fd_pos
    got=$((p - off))
    [ "$got" -ge "$n" ] || head -c $((n - got)) </dev/zero
    say "$got"
    off=$p
}
fd_size() {
    set -- $(stat -L -c '%d:%i %s %Y' /proc/self/fd/3 2>/dev/null)
    fsize=$2 mtime=$3
}
drain() {
    fd_size
    while [ "$fsize" -gt "$off" ]; do
        read_some
        fd_size
    done
}
# The file grew: is it still the one we read (its first bytes unchanged)?
# While they are fewer than 4096, the digest takes in more of them.
grown_ok() {
    head_check /proc/self/fd/3
    [ $? -ne 1 ] || return 1
    if [ -n "$tool" ] && [ "$hlen" -lt 4096 ] && [ "$fsize" -gt "$hlen" ]; then
        n=$fsize
        [ "$n" -le 4096 ] || n=4096
        hash=$(digest /proc/self/fd/3 "$n")
        parse_hash
        say "F $id $hash $off"
    fi
    return 0
}
# The file was cut (copytruncate) or rewritten: what was not yet read may be
# in the copy beside it; then the file starts again from its first byte.
truncated() {
    if [ "$hlen" -gt 0 ] && find_old; then
        resume "$cand"
        drain
    fi
    say T
    open_path
}

for t in stat dd head; do
    command -v "$t" >/dev/null 2>&1 || { code=14 fail notool "$t"; }
done
[ -r /proc/self/fdinfo/0 ] || { code=13 fail noproc; }
parse_hash
if [ -z "$want" ]; then
    open_path
else
    set -- $(stat -L -c '%d:%i %s' "$path" 2>/dev/null)
    if [ -n "$2" ] && [ -r "$path" ] && is_old "$path" "$1" "$2"; then
        resume "$path"
    elif find_old; then
        resume "$cand"
    else
        check_path
        if [ "$1" = "$want" ]; then say 'W truncated'; else say 'W replaced'; fi
        open_path
    fi
fi

idle=0 beat=0
while :; do
    set -- $(stat -L -c '%d:%i %s %Y' /proc/self/fd/3 "$path" 2>/dev/null)
    [ "$1" = "$id" ] || { code=13 fail noproc; }
    fsize=$2 mtime=$3 at=$4
    if [ "$fsize" -lt "$off" ] || { [ "$fsize" -gt "$off" ] && ! grown_ok; }; then
        truncated
        idle=0
        continue
    fi
    if [ "$fsize" -gt "$off" ]; then
        read_some
        idle=0 beat=0
        [ "$fsize" -le "$off" ] || continue
    elif [ "$at" != "$id" ]; then
        # The path names another file (or none): finish ours, and once it
        # has been quiet for a second, go on with the new one.
        idle=$((idle + 1))
        if [ -n "$at" ] && [ "$idle" -gt 5 ]; then
            say R
            open_path
            idle=0
            continue
        fi
    fi
    beat=$((beat + 1))
    if [ "$beat" -ge 25 ]; then say K; beat=0; fi
    sleep "$nap"
done
)sh";

} // namespace

QString RemoteFileScript::text()
{
    return QString::fromLatin1(scriptText);
}

QStringList RemoteFileScript::command(const QString &path, const QByteArray &identity,
                                      const QByteArray &digest, qint64 offset)
{
    return {QStringLiteral("sh"), QStringLiteral("-c"), text(), scriptName, path,
            QString::fromLatin1(identity), QString::fromLatin1(digest), QString::number(offset)};
}

} // namespace mailtls
