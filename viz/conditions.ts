/**
 * The convenor's conditions, editable live: rule and threshold, "good enough", deadline, failure
 * declaration, walking out, side channel, state in the room, agenda growth, attendance cost, what
 * the convenor accepts on each issue, subsidies, and which constituencies must implement the
 * outcome (the implementers' veto). Every condition a lesson or the docs change is here. Each
 * edit becomes a `PATH=VALUE` override, validated by the core like `--set`.
 */
import { el } from './dom.ts';
import type { Meta } from './frame.ts';
import { RULE_TYPES } from '../sim/index.ts';
import { m } from './messages/index.ts';

export type OverrideListener = (path: string, value: string) => void;

/** The decision rules as the page names them. */
export const RULE_WORDS: Record<(typeof RULE_TYPES)[number], string> = m.rules;

/** A stakeholder's fields in words. */
const FIELD_WORDS: Record<string, string> = m.conditions.fields;

/**
 * A changed condition the form does not show, in words: `stakeholders[0].power=5` as "the first
 * group of stakeholders (firm-1 …): power 5"; a convenor's field by its name split into words.
 */
export function describeChange(meta: Meta, path: string, value: string): string {
  const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const shown = value === 'null' ? m.conditions.none : value.replace(/[{}[\]]/g, '').trim();
  const roles = /^constituencies\[(\d+)\]\.roles$/.exec(path);
  if (roles) {
    const label = meta.constituencies[Number(roles[1])]?.label ?? m.conditions.constituencyN(Number(roles[1]) + 1);
    return value.includes('implements') ? m.conditions.mustImplement(label) : m.conditions.noLongerImplements(label);
  }
  const stakeholder = /^stakeholders\[(\d+)\]\.([A-Za-z]+)(.*)$/.exec(path);
  if (stakeholder) {
    const k = Number(stakeholder[1]);
    const field = FIELD_WORDS[stakeholder[2]] ?? words(stakeholder[2]);
    return m.conditions.entryOf(k + 1, meta.labels[k] ?? '', field, shown);
  }
  const parts = path.replace(/\[\d+\]/g, '').split('.').filter((p) => p !== 'convenor');
  return m.conditions.other(parts.map(words), shown);
}

interface Field {
  path: string;
  input: HTMLInputElement | HTMLSelectElement;
}

export interface ConditionsForm {
  open(meta: Meta, overrides: ReadonlyMap<string, string>): void;
  showErrors(errors: { path: string; text: string }[]): void;
}

export function createConditionsForm(form: HTMLElement, errorsBox: HTMLElement, onChange: OverrideListener): ConditionsForm {
  let fields: Field[] = [];

  const text = (path: string, label: string, value: string, hint = '') => {
    const input = el('input', { type: 'text', inputmode: 'decimal', name: path, 'data-path': path, size: '6' });
    input.value = value;
    input.addEventListener('change', () => onChange(path, input.value.trim() === '' ? 'null' : input.value.trim()));
    fields.push({ path, input });
    return el('label', { class: 'field' }, el('span', {}, label), input, hint ? el('small', {}, hint) : '');
  };
  const check = (path: string, label: string, checked: boolean, toValue?: (on: boolean) => string) => {
    const input = el('input', { type: 'checkbox', name: path, 'data-path': path });
    input.checked = checked;
    input.addEventListener('change', () => onChange(path, toValue ? toValue(input.checked) : String(input.checked)));
    fields.push({ path, input });
    return el('label', { class: 'field check' }, input, el('span', {}, label));
  };

  return {
    open(meta, overrides) {
      fields = [];
      const c = meta.convenor;
      const rule = el('select', { name: 'convenor.rule.type', 'data-path': 'convenor.rule.type' });
      for (const r of RULE_TYPES) rule.append(el('option', { value: r }, RULE_WORDS[r]));
      rule.value = c.rule.type;
      rule.addEventListener('change', () => onChange('convenor.rule.type', rule.value));
      fields.push({ path: 'convenor.rule.type', input: rule });

      const preferred = c.inRoom?.preferred ?? meta.boxMin.map((lo, k) => (lo + meta.boxMax[k]) / 2);
      const subsidies = el('fieldset', { class: 'subsidies' }, el('legend', {}, m.conditions.subsidies));
      meta.constituencies.forEach((k) => subsidies.append(text(`convenor.subsidies.${k.id}`, k.label, String(c.subsidies[k.id] ?? 0))));

      // What the convenor accepts, issue by issue: each pair of boxes sends the whole range.
      const accepted = el('fieldset', { class: 'subsidies accepted' }, el('legend', {}, m.conditions.accepts));
      const bounds: HTMLInputElement[][] = [];
      const sendBounds = (which: 0 | 1) => {
        const path = which === 0 ? 'convenor.acceptable.min' : 'convenor.acceptable.max';
        onChange(path, `[${bounds.map((b) => b[which].value.trim() || (which === 0 ? '0' : '1')).join(', ')}]`);
      };
      meta.issues.forEach((issue, k) => {
        const pair = ([0, 1] as const).map((which) => {
          const input = el('input', { type: 'text', inputmode: 'decimal', size: '4', name: `acceptable-${which}-${k}`, 'data-path': which === 0 ? 'convenor.acceptable.min' : 'convenor.acceptable.max', 'aria-label': which === 0 ? m.conditions.boundFrom(issue.label) : m.conditions.boundTo(issue.label) });
          input.value = String(which === 0 ? meta.boxMin[k] : meta.boxMax[k]);
          input.addEventListener('change', () => sendBounds(which));
          fields.push({ path: which === 0 ? 'convenor.acceptable.min' : 'convenor.acceptable.max', input });
          return input;
        });
        bounds.push(pair);
        accepted.append(el('div', { class: 'field' }, el('span', {}, issue.label), el('span', { class: 'range-pair' }, m.conditions.from, pair[0], m.conditions.to, pair[1])));
      });

      // The implementers' veto: a constituency that must implement the outcome can always block it.
      const implementers = el('fieldset', { class: 'subsidies' }, el('legend', {}, m.conditions.implementers));
      meta.constituencies.forEach((k, i) => {
        const roles = k.roles;
        implementers.append(
          check(`constituencies[${i}].roles`, k.label, roles.includes('implements'), (on) =>
            `[${(on ? [...roles.filter((r) => r !== 'implements'), 'implements'] : roles.filter((r) => r !== 'implements')).join(', ')}]`,
          ),
        );
      });

      form.replaceChildren(
        el('label', { class: 'field' }, el('span', {}, m.conditions.rule), rule),
        text('convenor.rule.threshold', m.conditions.threshold, String(c.rule.threshold), m.conditions.thresholdHint),
        text('convenor.goodEnough', m.conditions.goodEnough, String(c.goodEnough), m.conditions.goodEnoughHint),
        text('convenor.deadline', m.conditions.deadline, c.deadline === null ? '' : String(c.deadline), m.conditions.deadlineHint),
        check('convenor.declareFailure.allowed', m.conditions.declareFailure, c.declareFailure.allowed),
        text('convenor.declareFailure.stallRounds', m.conditions.stallRounds, String(c.declareFailure.stallRounds)),
        text('convenor.exitRounds', m.conditions.exitRounds, c.exitRounds === null ? '' : String(c.exitRounds), m.conditions.exitRoundsHint),
        check('convenor.sideChannel', m.conditions.sideChannel, c.sideChannel),
        check('convenor.inRoom', m.conditions.inRoom, c.inRoom !== null, (on) =>
          on ? `{preferred: [${preferred.join(', ')}], pull: ${c.inRoom?.pull ?? 0.3}}` : 'null',
        ),
        text('convenor.agenda.growth', m.conditions.agendaGrowth, String(c.agenda.growth), m.conditions.agendaGrowthHint),
        text('convenor.attendanceCost', m.conditions.attendanceCost, String(c.attendanceCost)),
        accepted,
        subsidies,
        implementers,
      );
      // Overrides from the address that the form does not show stay listed, so they are not lost.
      const shown = new Set(fields.map((f) => f.path));
      const other = [...overrides].filter(([p]) => !shown.has(p));
      if (other.length) form.append(el('p', { class: 'muted', 'data-testid': 'also-changed' }, m.conditions.alsoChanged(other.map(([p, v]) => describeChange(meta, p, v)))));
      for (const f of fields) f.input.removeAttribute('aria-invalid');
    },
    showErrors(errors) {
      errorsBox.replaceChildren();
      errorsBox.hidden = errors.length === 0;
      if (errors.length) errorsBox.append(el('strong', {}, m.conditions.notApplied), el('ul', {}, ...errors.map((e) => el('li', {}, e.text))));
      for (const f of fields) {
        const bad = errors.some((e) => e.path === f.path || e.path.startsWith(`${f.path}.`) || e.path.startsWith(`${f.path}[`));
        if (bad) f.input.setAttribute('aria-invalid', 'true');
        else f.input.removeAttribute('aria-invalid');
      }
    },
  };
}
