import { SETTING_KEYS, SETTINGS, type SettingKey } from '../../../shared/settings-table'
import { DurationField, NumberField, ToggleField } from './fields'
import type { Duration, FieldErrors, SettingsForm } from './settings-form'

interface Props {
  group: (typeof SETTINGS)[SettingKey]['group']
  form: SettingsForm
  errors: FieldErrors
  onEdit(field: SettingKey, value: SettingsForm[SettingKey]): void
}

const SHOWN_UNIT = { size: 'MB', count: 'items', port: '' } as const

/** One field per row of the settings table in this group, in the table's order. */
export function SettingRows({ group, form, errors, onEdit }: Props) {
  return (
    <>
      {SETTING_KEYS.filter((key) => SETTINGS[key].group === group).map((key) => {
        const definition = SETTINGS[key]
        const common = { label: definition.label, hint: definition.help, testId: definition.testId }
        if (definition.type === 'boolean') {
          return (
            <ToggleField
              key={key}
              {...common}
              checked={form[key] as boolean}
              onChange={(value) => onEdit(key, value)}
            />
          )
        }
        if (definition.type === 'duration') {
          return (
            <DurationField
              key={key}
              {...common}
              value={form[key] as Duration}
              error={errors[key]}
              onChange={(value) => onEdit(key, value)}
            />
          )
        }
        return (
          <NumberField
            key={key}
            {...common}
            unit={SHOWN_UNIT[definition.type]}
            value={form[key] as string}
            error={errors[key]}
            onChange={(value) => onEdit(key, value)}
          />
        )
      })}
    </>
  )
}
