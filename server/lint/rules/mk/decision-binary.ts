// mk/decision-binary: a splitting exclusive gateway has exactly two exits labelled as a yes/no answer, because
// the SOP AP flowchart's decision symbol has two exits (docs/rules/mk/decision-binary.md).
import type { RuleFactory } from 'bpmnlint/lib/types';

/** Answers that mean yes; the negative is "tidak …", "belum …", "tolak" or "ditolak" (BPMN-CONVENTIONS.md). */
const YES = ['ya', 'sesuai', 'setuju', 'lengkap', 'benar', 'diterima', 'disetujui', 'valid', 'memenuhi syarat'];
const NO = [/^tidak\b/, /^belum\b/, /^(di)?tolak$/];

const normalise = (label: unknown) => String(label ?? '').toLocaleLowerCase('id').replace(/[^\p{L}\p{N} ]+/gu, ' ').replace(/\s+/g, ' ').trim();
const isYes = (label: string) => YES.includes(label);
const isNo = (label: string) => NO.some((pattern) => pattern.test(label));

const decisionBinary: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:ExclusiveGateway')) return;
    const outgoing: Array<{ name?: string }> = node.outgoing ?? [];
    if (outgoing.length < 2) return;
    const name = node.name ? `"${String(node.name).trim()}" ` : '';
    if (outgoing.length !== 2) {
      reporter.report(node.id, `Keputusan ${name}bercabang ke ${outgoing.length} arah; simbol keputusan SOP AP hanya memiliki dua jalan keluar (ya/tidak)`);
      return;
    }
    const [a, b] = outgoing.map((flow) => normalise(flow.name));
    if (!((isYes(a!) && isNo(b!)) || (isNo(a!) && isYes(b!)))) {
      reporter.report(node.id, `Kedua jalan keluar keputusan ${name}harus berlabel jawaban ya/tidak, mis. "Ya"/"Tidak", "Sesuai"/"Tidak sesuai", "Setuju"/"Tolak"`);
    }
  },
});

export default decisionBinary;
