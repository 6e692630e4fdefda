#!/usr/bin/perl
# Checks what `smtpcodes bounces --json` reads from real non-delivery notices,
# and compares it with an independent classifier, Sisimai.
#
#   check-bounces.pl CLI BOUNCE_DIR [SAMPLE.eml...]
#
# BOUNCE_DIR holds the notices of the live stage, BOUNCE_DIR/exim/*.eml,
# BOUNCE_DIR/postfix/*.eml and BOUNCE_DIR/opensmtpd/*.eml, and the delivery
# logs of Exim and Postfix, BOUNCE_DIR/logs/exim.log and postfix.log. Two
# kinds of check, one output line each, starting "ok " or "FAILED ":
#
# - expected: every row of expected-bounces.tsv is found, with that action,
#   status, reply code, bounce type and reason, in a notice or the log of
#   that MTA, and none names a failed or delayed recipient without a row;
# - sisimai: for every notice and sample, per recipient, both find it and
#   agree on the enhanced status and reply code (exactly), the reason
#   (through %reason_map) and the bounce type, except for the known
#   differences in sisimai-differences.tsv, each of which must still occur.
#
# Exits with 1 when a check failed.
use strict;
use warnings;
use File::Basename qw(basename dirname);
use JSON::PP;
use Sisimai;

my ($cli, $bounce_dir, @samples) = @ARGV;
die "usage: $0 CLI BOUNCE_DIR [SAMPLE.eml...]\n" unless defined $bounce_dir;
my $here = dirname(__FILE__);

# Sisimai's reasons -> the smtpcodes reasons that count as agreement (the
# mapping of tools/evaluate_corpus.py; a few of Sisimai's straddle two of ours).
my %reason_map = (
    userunknown     => [qw(unknown_recipient)],
    hostunknown     => [qw(unknown_domain)],
    notaccept       => [qw(no_mail_domain unknown_domain)],
    mailboxfull     => [qw(mailbox_full)],
    systemfull      => [qw(mailbox_full system_error)],
    suspend         => [qw(mailbox_disabled)],
    hasmoved        => [qw(mailbox_moved)],
    mesgtoobig      => [qw(message_too_large)],
    exceedlimit     => [qw(message_too_large)],
    toomanyconn     => [qw(rate_limited)],
    speeding        => [qw(rate_limited)],
    spamdetected    => [qw(spam_or_content)],
    contenterror    => [qw(spam_or_content)],
    filtered        => [qw(spam_or_content unknown_recipient blocked)],
    virusdetected   => [qw(virus)],
    blocked         => [qw(blocked)],
    badreputation   => [qw(blocked)],
    policyviolation => [qw(blocked spam_or_content)],
    rejected        => [qw(sender_rejected)],
    requireptr      => [qw(reverse_dns)],
    authfailure     => [qw(authentication)],
    securityerror   => [qw(authentication tls)],
    norelaying      => [qw(relay_denied)],
    failedstarttls  => [qw(tls)],
    expired         => [qw(expired)],
    networkerror    => [qw(network_error)],
    systemerror     => [qw(system_error)],
    mailererror     => [qw(system_error)],
    notcompliantrfc => [qw(syntax_error)],
    syntaxerror     => [qw(syntax_error)],
    vacation        => [qw(auto_reply)],
    feedback        => [qw(feedback_report)],
    delivered       => [qw(delivered)],
    onhold          => [qw(unknown)],
    undefined       => [qw(unknown)],
);
my %bounce_of_softbounce = (0 => 'hard', 1 => 'soft', -1 => 'none');

my $failures = 0;
sub report {
    my ($ok, $what) = @_;
    print(($ok ? 'ok ' : 'FAILED ') . "$what\n");
    $failures++ unless $ok;
}

# Rows of a tab-separated table, without comments and blank lines.
sub read_table {
    my ($path) = @_;
    open(my $in, '<', $path) or die "$path: $!\n";
    my @rows;
    while (my $line = <$in>) {
        chomp $line;
        next if $line =~ /^\s*(#|$)/;
        push @rows, [split /\t/, $line];
    }
    return @rows;
}

# What smtpcodes reads: recipient (lower case) -> the JSON record.
sub ours {
    my ($file) = @_;
    open(my $out, '-|', $cli, 'bounces', '--json', $file) or die "$cli: $!\n";
    my %found;
    while (my $line = <$out>) {
        my $record = decode_json($line);
        $found{lc $record->{recipient}} = $record;
    }
    close $out;
    return \%found;
}

# What Sisimai reads, in the same shape.
sub theirs {
    my ($file) = @_;
    my %found;
    for my $fact (@{Sisimai->make($file, delivered => 1, vacation => 1) || []}) {
        $found{lc $fact->recipient->address} = {
            status     => $fact->deliverystatus || undef,
            reply_code => $fact->replycode || undef,
            reason     => $fact->reason,
            bounce     => $bounce_of_softbounce{$fact->softbounce} // 'none',
        };
    }
    return \%found;
}

sub shown { return defined $_[0] && $_[0] ne '' ? $_[0] : '-' }

# The notices the MTAs wrote, each with its MTA as the source, and their
# delivery logs ("exim-log", "postfix-log"), where a recipient's last line
# counts (an Exim "==" deferral before its "**" failure).
my @notices;
my @logs;
for my $mta (qw(exim postfix opensmtpd)) {
    push @notices, map { [$mta, $_] } sort glob("$bounce_dir/$mta/*.eml");
}
# OpenSMTPD's log is kept for a look only: the library reads no such format.
for my $mta (qw(exim postfix)) {
    push @logs, ["$mta-log", "$bounce_dir/logs/$mta.log"];
}

# Check 1: the library against what the refusing servers said.
my @expected = read_table("$here/expected-bounces.tsv");
my %read;  # "mta recipient" -> our record
for my $notice (@notices, @logs) {
    my ($mta, $file) = @$notice;
    my $found = ours($file);
    for my $recipient (sort keys %$found) {
        next if $found->{$recipient}{action} !~ /^(failed|delayed)$/;
        my $key = "$mta $recipient";
        if (grep { "$_->[0] " . lc($_->[1]) eq $key } @expected) {
            $read{$key} = $found->{$recipient};
        } else {
            report(0, "expected: $mta reports $recipient, which expected-bounces.tsv does not list ("
                . basename($file) . ')');
        }
    }
}
for my $row (@expected) {
    my ($mta, $recipient, @want) = @$row;
    my $got = $read{"$mta " . lc $recipient};
    if (!$got) {
        report(0, "expected: $recipient not found in what $mta wrote");
        next;
    }
    my @fields = qw(action status reply_code bounce reason);
    my @wrong;
    for my $i (0 .. $#fields) {
        my $value = shown($got->{$fields[$i]});
        push @wrong, "$fields[$i] $value, not $want[$i]" if $value ne $want[$i];
    }
    report(!@wrong, "expected: $mta $recipient: " . (@wrong ? join('; ', @wrong) : join(' ', @want)));
}

# Check 2: the library against Sisimai.
my %known;  # "source recipient field" -> [ours, sisimai, why, seen]
for my $row (read_table("$here/sisimai-differences.tsv")) {
    my ($source, $recipient, $field, $mine, $sisimai, $why) = @$row;
    $known{"$source " . lc($recipient) . " $field"} = [$mine, $sisimai, $why, 0];
}
for my $item (@notices, map { [basename($_), $_] } @samples) {
    my ($source, $file) = @$item;
    my ($mine, $sisimai) = (ours($file), theirs($file));
    my %recipients = map { $_ => 1 } keys %$mine, keys %$sisimai;
    for my $recipient (sort keys %recipients) {
        my ($one, $other) = ($mine->{$recipient}, $sisimai->{$recipient});
        my @differences;
        if (!$one || !$other) {
            push @differences, ['found', $one ? "yes" : "no", $other ? "yes" : "no"];
        } else {
            # Sisimai makes up X.0.9NN statuses of its own; those are not compared.
            if (!defined $other->{status} || $other->{status} !~ /^\d\.0\.9\d\d$/) {
                push @differences, ['status', shown($one->{status}), shown($other->{status})]
                    if shown($one->{status}) ne shown($other->{status});
            }
            push @differences, ['reply_code', shown($one->{reply_code}), shown($other->{reply_code})]
                if shown($one->{reply_code}) ne shown($other->{reply_code});
            my $allowed = $reason_map{$other->{reason}} || [];
            push @differences, ['reason', $one->{reason}, $other->{reason}] unless grep { $_ eq $one->{reason} } @$allowed;
            push @differences, ['bounce', $one->{bounce}, $other->{bounce}] if $one->{bounce} ne $other->{bounce};
        }
        my @new;
        my @explained;
        for my $difference (@differences) {
            my ($field, $ours, $theirs) = @$difference;
            my $entry = $known{"$source $recipient $field"};
            if ($entry && $entry->[0] eq $ours && $entry->[1] eq $theirs) {
                $entry->[3] = 1;
                push @explained, "$field $ours/$theirs (known)";
            } else {
                push @new, "$field: smtpcodes $ours, Sisimai $theirs";
            }
        }
        my $what = "sisimai: $source $recipient";
        if (@new) {
            report(0, "$what: " . join('; ', @new) . ' (' . basename($file) . ')');
        } else {
            report(1, $what . (@explained ? ': ' . join('; ', @explained) : ''));
        }
    }
}
for my $key (sort keys %known) {
    report(0, "sisimai: the known difference \"$key\" no longer occurs; remove it from sisimai-differences.tsv")
        unless $known{$key}[3];
}
exit($failures ? 1 : 0);
